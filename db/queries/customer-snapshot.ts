import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { customers, type CustomerSnapshot } from "../schema";
import type { Tenant } from "../tenant";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The customer as the document shows them. Refreshed on every concept save and frozen
 * at finalisation: a later change to the customer never rewrites a sent document.
 */
export async function snapshotCustomer(
  db: Db | Tx,
  t: Tenant,
  customerId: string | null,
): Promise<CustomerSnapshot | null> {
  if (!customerId) return null;
  const [c] = await db
    .select()
    .from(customers)
    .where(t.where(customers, eq(customers.id, customerId)));
  if (!c) return null;
  const hasDelivery = Boolean(c.deliveryStreet || c.deliveryCity);
  return {
    name: c.name,
    company: c.company,
    vatNumber: c.vatNumber,
    email: c.email,
    billing: {
      street: c.billingStreet,
      postalCode: c.billingPostalCode,
      city: c.billingCity,
      country: c.billingCountry,
    },
    delivery: hasDelivery
      ? {
          street: c.deliveryStreet ?? "",
          postalCode: c.deliveryPostalCode ?? "",
          city: c.deliveryCity ?? "",
          country: c.deliveryCountry ?? c.billingCountry,
        }
      : null,
    language: c.language,
    origin: "customer",
  };
}
