import type { Db } from "@/db/client";
import { snapshotCustomer } from "@/db/queries/customer-snapshot";
import type { DocumentRow, Tx } from "@/db/queries/documents";
import type { CustomerSnapshot } from "@/db/schema";
import type { Tenant } from "@/db/tenant";

/**
 * A snapshot that names the buyer of one sale, kept as is: a Shopify order's own buyer
 * (`order`), or the buyer a credit note copies from its invoice (`invoice`). Only a
 * snapshot of a customer record (`customer`, or an older one without origin) follows
 * that record until the document is issued.
 */
export function isSaleBuyer(snapshot: CustomerSnapshot | null): boolean {
  return snapshot?.origin === "order" || snapshot?.origin === "invoice";
}

/**
 * The buyer a document names and is sent to now: its own snapshot when that names the
 * buyer of the sale (the order's address and email, never an older order's), else its
 * customer record as it is today (an email added since the concept was saved counts).
 */
export async function documentBuyer(
  db: Db | Tx,
  t: Tenant,
  document: Pick<DocumentRow, "customer" | "customerId">,
): Promise<CustomerSnapshot | null> {
  if (isSaleBuyer(document.customer)) return document.customer;
  return (await snapshotCustomer(db, t, document.customerId)) ?? document.customer;
}
