import type { Db } from "@/db";
import { createCustomer, findCustomerForOrder, type Customer } from "@/db/queries/customers";
import { isUniqueViolation } from "@/db/errors";
import { customers } from "@/db/schema";
import type { Tenant } from "@/db/tenant";
import type { DocumentLanguage } from "@/db/schema/organisations";
import { eq, isNull } from "drizzle-orm";
import type { MappedBuyer } from "../order-mapping";

const cut = (value: string | null | undefined, max: number) => (value ?? "").trim().slice(0, max);
const country = (code: string | null | undefined) =>
  /^[A-Z]{2}$/.test(code ?? "") ? (code as string) : "BE";

/**
 * The order's buyer as a Facturo customer: the one with its Shopify customer id,
 * else the one with its email, else a new customer made from the order. An
 * existing customer is never overwritten (the merchant may have corrected it);
 * it only learns its Shopify id, so the next order matches faster, and the VAT
 * number and company an order brings (a consumer who now buys for a company).
 */
export async function matchOrCreateCustomer(
  db: Db,
  t: Tenant,
  buyer: MappedBuyer,
  language: DocumentLanguage,
  fallbackName: string,
): Promise<Customer["id"]> {
  const existing = await findCustomerForOrder(db, t, {
    shopifyCustomerId: buyer.shopifyCustomerId,
    email: buyer.email,
  });
  if (existing) {
    // A buyer who now orders for a company: the invoice must carry its name and VAT
    // number (art. 5 KB nr. 1), so the order's company details win over the old ones.
    if (buyer.vatNumber && buyer.vatNumber !== existing.vatNumber) {
      await db
        .update(customers)
        .set({
          vatNumber: buyer.vatNumber,
          company: cut(buyer.company, 200) || existing.company,
          updatedAt: new Date(),
        })
        .where(t.where(customers, eq(customers.id, existing.id)));
    }
    if (buyer.shopifyCustomerId && !existing.shopifyCustomerId) {
      await db
        .update(customers)
        .set({ shopifyCustomerId: buyer.shopifyCustomerId })
        .where(
          t.where(customers, eq(customers.id, existing.id), isNull(customers.shopifyCustomerId)),
        )
        .catch(() => undefined); // another customer already holds that id: keep matching by email
    }
    return existing.id;
  }
  const billing = buyer.billingAddress ?? buyer.shippingAddress;
  const shipping = buyer.shippingAddress;
  const shipsElsewhere =
    shipping && billing && (shipping.street !== billing.street || shipping.city !== billing.city);
  const created = await createCustomer(db, t, {
    name: cut(buyer.name ?? buyer.company ?? buyer.email ?? fallbackName, 200) || fallbackName,
    company: cut(buyer.company, 200) || null,
    vatNumber: buyer.vatNumber,
    email: cut(buyer.email, 254) || null,
    language,
    billingStreet: cut(billing?.street, 200),
    billingPostalCode: cut(billing?.postalCode, 20),
    billingCity: cut(billing?.city, 100),
    billingCountry: country(billing?.countryCode ?? buyer.countryCode),
    deliveryStreet: shipsElsewhere ? cut(shipping.street, 200) : null,
    deliveryPostalCode: shipsElsewhere ? cut(shipping.postalCode, 20) : null,
    deliveryCity: shipsElsewhere ? cut(shipping.city, 100) : null,
    deliveryCountry: shipsElsewhere ? country(shipping.countryCode) : null,
    shopifyCustomerId: buyer.shopifyCustomerId,
  }).catch(async (error: unknown) => {
    // Two deliveries of this buyer's orders at once: the other one created them first.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findCustomerForOrder(db, t, {
      shopifyCustomerId: buyer.shopifyCustomerId,
      email: buyer.email,
    });
    if (!winner) throw error;
    return winner.id;
  });
  return created;
}
