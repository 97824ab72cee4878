import type { Db } from "@/db/client";
import { createCustomer } from "@/db/queries/customers";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { concept, line } from "@/db/testing/document-factory";
import { systemClock } from "@/lib/calendar/clock";
import { customerSchema, emptyCustomerInput } from "@/lib/customers/customer-schema";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import type { Merchant } from "./seed";

/** A customer of the merchant, with an email address unless told otherwise. */
export async function seedCustomer(
  db: Db,
  merchant: Merchant,
  email: string | null = "c@example.be",
) {
  return createCustomer(
    db,
    merchant.t,
    customerSchema.parse({ ...emptyCustomerInput, name: "Fault Customer", email: email ?? "" }),
  );
}

/** A concept invoice of 10.00 + 21 % VAT (12.10). */
export async function seedConcept(db: Db, merchant: Merchant, customerId: string) {
  return createConcept(db, merchant.t, concept({ customerId, lines: [line()] }));
}

/** An issued invoice of 12.10 and its public token (the customer's `/d/<token>` link). */
export async function seedIssuedInvoice(db: Db, merchant: Merchant) {
  const customerId = await seedCustomer(db, merchant);
  const id = await seedConcept(db, merchant, customerId);
  await finaliseDocument(db, merchant.t, { documentId: id }, systemClock);
  const found = await getDocument(db, merchant.t, id);
  const token = found?.document.publicToken;
  if (!token) throw new Error("issued invoice without a public token");
  return { id, token };
}
