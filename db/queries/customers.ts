import { asc, count, eq, sql } from "drizzle-orm";
import type { CustomerFields } from "@/lib/customers/customer-schema";
import type { Db } from "../client";
import { matchesAny, pageOf, pageWindow } from "./text-search";
import { customers } from "../schema";
import type { Tenant } from "../tenant";

export type Customer = typeof customers.$inferSelect;

export interface NewCustomer extends CustomerFields {
  /** Set by the Shopify pipeline only. */
  shopifyCustomerId?: string | null;
}

export async function createCustomer(db: Db, t: Tenant, fields: NewCustomer): Promise<string> {
  const [row] = await db
    .insert(customers)
    .values(t.owned({ ...fields }))
    .returning({ id: customers.id });
  if (!row) throw new Error("Customer insert returned nothing");
  return row.id;
}

/** Returns whether a customer of this tenant was updated (false for another tenant's id). */
export async function updateCustomer(
  db: Db,
  t: Tenant,
  id: string,
  fields: CustomerFields,
): Promise<boolean> {
  const rows = await db
    .update(customers)
    .set({ ...fields, updatedAt: new Date() })
    .where(t.where(customers, eq(customers.id, id)))
    .returning({ id: customers.id });
  return rows.length > 0;
}

export async function getCustomer(db: Db, t: Tenant, id: string): Promise<Customer | null> {
  const [row] = await db
    .select()
    .from(customers)
    .where(t.where(customers, eq(customers.id, id)));
  return row ?? null;
}

export interface CustomerSearch {
  /** Matches name, company or email, anywhere, ignoring case. */
  search?: string;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

/**
 * A page of customers by name. Offset pagination: a merchant's customer list is
 * thousands of rows at most, and numbered pages are what people expect here.
 */
export async function searchCustomers(db: Db, t: Tenant, query: CustomerSearch = {}) {
  const window = pageWindow(query);
  const where = t.where(
    customers,
    matchesAny(query.search, [customers.name, customers.company, customers.email]),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: customers.id,
        name: customers.name,
        company: customers.company,
        email: customers.email,
        vatNumber: customers.vatNumber,
        billingCity: customers.billingCity,
        billingCountry: customers.billingCountry,
      })
      .from(customers)
      .where(where)
      .orderBy(asc(sql`lower(${customers.name})`), asc(customers.id))
      .limit(window.pageSize)
      .offset(window.offset),
    db.select({ total: count() }).from(customers).where(where),
  ]);
  return pageOf(rows, total?.total ?? 0, window);
}

/**
 * The customer an incoming order belongs to: the one with its Shopify customer id,
 * else the oldest one with its email (ignoring case), else none. Matching by email
 * keeps a customer the merchant created by hand from being duplicated.
 */
export async function findCustomerForOrder(
  db: Db,
  t: Tenant,
  order: { shopifyCustomerId?: string | null; email?: string | null },
): Promise<Customer | null> {
  if (order.shopifyCustomerId) {
    const [byId] = await db
      .select()
      .from(customers)
      .where(t.where(customers, eq(customers.shopifyCustomerId, order.shopifyCustomerId)));
    if (byId) return byId;
  }
  const email = order.email?.trim();
  if (!email) return null;
  const [byEmail] = await db
    .select()
    .from(customers)
    .where(t.where(customers, sql`lower(${customers.email}) = lower(${email})`))
    .orderBy(asc(customers.createdAt), asc(customers.id))
    .limit(1);
  return byEmail ?? null;
}
