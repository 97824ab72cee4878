import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createConcept } from "@/lib/documents/create-concept";
import { updateCompanySettings } from "@/db/queries/organisations";
import { customers } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { concept } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { fixedClock } from "@/lib/calendar/clock";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { renderDocumentUbl } from "./render-document-ubl";
import { validateUbl } from "./validation/validate-ubl";

let handle: DbHandle;
let t: Tenant;
let customerId: string;

beforeAll(async () => {
  handle = await openTestDb();
  const org = await createOrg(handle.db, (await createUser(handle.db)).id, "Bakkerij Janssens");
  t = tenant(org.id);
  await updateCompanySettings(handle.db, org.id, {
    vatNumber: "BE0123456749",
    legalForm: "bv",
    registerCourt: "Gent, afdeling Brugge",
    registeredStreet: "Markt 1",
    registeredPostalCode: "8000",
    registeredCity: "Brugge",
    contactEmail: "info@janssens.be",
    phone: "+32 50 12 34 56",
    website: "www.janssens.be",
  });
  const [customer] = await handle.db
    .insert(customers)
    .values(
      t.owned({
        name: "Peeters BV",
        company: "Peeters BV",
        vatNumber: "BE0403170701",
        email: "boekhouding@peeters.be",
        billingStreet: "Meir 1",
        billingPostalCode: "2000",
        billingCity: "Antwerpen",
      }),
    )
    .returning();
  customerId = customer!.id;
});

afterAll(async () => {
  await handle?.close();
});

async function issuedInvoice(language: "nl" | "fr"): Promise<string> {
  const id = await createConcept(handle.db, t, concept({ customerId, language }));
  await finaliseDocument(
    handle.db,
    t,
    { documentId: id },
    fixedClock(new Date("2026-11-30T10:00:00Z")),
  );
  return id;
}

describe("company-law mentions in the UBL", () => {
  it("puts the legal form, register and registered office in CompanyLegalForm, phone and email in Contact, and passes the Peppol rules", async () => {
    const { xml } = await renderDocumentUbl(handle.db, t, await issuedInvoice("nl"));
    const supplier = xml.slice(
      xml.indexOf("<cac:AccountingSupplierParty>"),
      xml.indexOf("</cac:AccountingSupplierParty>"),
    );
    expect(supplier).toContain(
      "<cbc:CompanyLegalForm>BV · RPR Gent, afdeling Brugge · Maatschappelijke zetel: Markt 1, 8000 Brugge</cbc:CompanyLegalForm>",
    );
    expect(supplier).toMatch(
      /<cac:Contact>\s*<cbc:Telephone>\+32 50 12 34 56<\/cbc:Telephone>\s*<cbc:ElectronicMail>info@janssens.be<\/cbc:ElectronicMail>\s*<\/cac:Contact>/,
    );
    const result = await validateUbl(xml);
    expect(result.failures).toEqual([]);
  }, 120_000);

  it("keeps the issued mentions when the company changes them, in the document's language", async () => {
    const id = await issuedInvoice("fr");
    await updateCompanySettings(handle.db, t.organisationId, {
      legalForm: "nv",
      registerCourt: "Antwerpen",
      phone: null,
    });
    const { xml } = await renderDocumentUbl(handle.db, t, id);
    expect(xml).toContain(
      "<cbc:CompanyLegalForm>SRL · RPM Gent, afdeling Brugge · Siège social\u00a0: Markt 1, 8000 Brugge</cbc:CompanyLegalForm>",
    );
    expect(xml).toContain("<cbc:Telephone>+32 50 12 34 56</cbc:Telephone>");
  });
});
