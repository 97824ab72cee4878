import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { customers } from "@/db/schema";
import type { Tenant } from "@/db/tenant";

/** What the document form and the list filter need of a customer. */
export interface CustomerOption {
  id: string;
  label: string;
  email: string | null;
  language: "fr" | "nl" | "en" | "de";
}

/**
 * The organisation's customers for a select, by name. Kept here, small and scoped,
 * until the customers module offers its own query.
 */
export async function listCustomerOptions(db: Db, t: Tenant): Promise<CustomerOption[]> {
  const rows = await db
    .select({
      id: customers.id,
      name: customers.name,
      company: customers.company,
      email: customers.email,
      language: customers.language,
    })
    .from(customers)
    .where(t.where(customers))
    .orderBy(asc(customers.name))
    .limit(1000);
  return rows.map((c) => ({
    id: c.id,
    label: c.company ? `${c.company} (${c.name})` : c.name,
    email: c.email,
    language: c.language,
  }));
}

/** Whether this customer belongs to the tenant (a form may post any id). */
export async function customerBelongsTo(db: Db, t: Tenant, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(t.where(customers, eq(customers.id, id)));
  return row !== undefined;
}
