import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConcept } from "@/lib/documents/create-concept";
import { updateCompanySettings } from "@/db/queries/organisations";
import { customers, organisations } from "@/db/schema";
import type { DocumentLanguage } from "@/db/schema/organisations";
import { tenant, type Tenant } from "@/db/tenant";
import { concept } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { fixedClock } from "@/lib/calendar/clock";
import type { DocumentType } from "@/lib/documents/document-lifecycle";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { readPdfText } from "./pdf-text.test-support";
import { renderDocumentPdf } from "./render-document-pdf";

/** The PDF's text with narrow/no-break spaces as plain ones. */
async function textOf(id: string): Promise<string> {
  const { text } = await readPdfText(await renderDocumentPdf(handle.db, t, id));
  return text.replace(/[\u00a0\u202f]/g, " ");
}

let handle: DbHandle;
let t: Tenant;
let customerId: string;

const mentions = {
  legalForm: "bv" as const,
  registerCourt: "Gent, afdeling Brugge",
  registeredStreet: "Markt 1",
  registeredPostalCode: "8000",
  registeredCity: "Brugge",
  contactEmail: "info@janssens.be",
  phone: "+32 50 12 34 56",
  website: "www.janssens.be",
};

async function issued(type: DocumentType, language: DocumentLanguage) {
  const id = await createConcept(handle.db, t, concept({ customerId, language }, type));
  await finaliseDocument(
    handle.db,
    t,
    { documentId: id },
    fixedClock(new Date("2026-11-30T10:00:00Z")),
  );
  return id;
}

beforeAll(async () => {
  handle = await openTestDb();
  const user = await createUser(handle.db);
  const org = await createOrg(handle.db, user.id, "Bakkerij Janssens");
  t = tenant(org.id);
  await updateCompanySettings(handle.db, org.id, {
    vatNumber: "BE0123456749",
    street: "Steenstraat 5",
    postalCode: "8000",
    city: "Brugge",
    ...mentions,
    // Brugge is in the Dutch-language region: these tests choose each document's language.
    languageRule: "customer",
  });
  const [customer] = await handle.db
    .insert(customers)
    .values(
      t.owned({
        name: "Marie Peeters",
        email: "marie@example.be",
        billingStreet: "Meir 1",
        billingPostalCode: "2000",
        billingCity: "Antwerpen",
      }),
    )
    .returning();
  customerId = customer!.id;
});

afterAll(async () => {
  await handle.close();
});

describe("company-law mentions on the PDF (art. 2:20 Companies and Associations Code)", () => {
  it("prints the legal form, enterprise number, RPR with the court, registered office and contact", async () => {
    const text = await textOf(await issued("invoice", "nl"));
    expect(text).toContain("Bakkerij Janssens BV");
    expect(text).toContain("Ondernemingsnr. 0123.456.749 · RPR Gent, afdeling Brugge");
    expect(text).toContain("Maatschappelijke zetel: Markt 1, 8000 Brugge");
    expect(text).toContain("info@janssens.be · +32 50 12 34 56 · www.janssens.be");
  });

  it("names the form and the register in the document's language", async () => {
    const text = await textOf(await issued("invoice", "fr"));
    expect(text).toContain("Bakkerij Janssens SRL");
    expect(text).toContain("N° d'entreprise 0123.456.749 · RPM Gent, afdeling Brugge");
    expect(text).toContain("Siège social : Markt 1, 8000 Brugge");
  });

  it("prints them on order forms, delivery notes and credit notes too", async () => {
    for (const type of ["order_form", "delivery_note", "credit_note"] as const) {
      const text = await textOf(await issued(type, "en"));
      expect(text, type).toContain("Bakkerij Janssens BV/SRL");
      expect(text, type).toContain("Enterprise no. 0123.456.749 · RPR/RPM Gent, afdeling Brugge");
    }
  });

  it("keeps an issued document's mentions when the company changes them later", async () => {
    const id = await issued("invoice", "nl");
    const [before] = await handle.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, t.organisationId));
    await updateCompanySettings(handle.db, t.organisationId, {
      legalForm: "nv",
      registerCourt: "Antwerpen, afdeling Hasselt",
      registeredStreet: null,
      registeredPostalCode: null,
      registeredCity: null,
      phone: null,
      website: "www.nieuw.be",
      inLiquidation: true,
    });
    try {
      const text = await textOf(id);
      expect(text).toContain("Bakkerij Janssens BV");
      expect(text).toContain("RPR Gent, afdeling Brugge");
      expect(text).toContain("Maatschappelijke zetel: Markt 1, 8000 Brugge");
      expect(text).toContain("+32 50 12 34 56");
      expect(text).not.toContain("in vereffening");
      expect(text).not.toContain("www.nieuw.be");
      // A concept is not issued: it prints the company as it is now.
      const draft = await createConcept(handle.db, t, concept({ customerId, language: "nl" }));
      const now = await textOf(draft);
      expect(now).toContain("Bakkerij Janssens NV in vereffening");
      expect(now).toContain("RPR Antwerpen, afdeling Hasselt");
      expect(now).not.toContain("Maatschappelijke zetel");
      expect(now).toContain("www.nieuw.be");
    } finally {
      await updateCompanySettings(handle.db, t.organisationId, {
        ...mentions,
        inLiquidation: before!.inLiquidation,
      });
    }
  });
});

describe("order forms and delivery notes say they are not invoices", () => {
  const cases: [DocumentType, DocumentLanguage, string][] = [
    ["order_form", "nl", "Deze bestelbon is geen factuur."],
    ["order_form", "fr", "Ce bon de commande n'est pas une facture."],
    ["order_form", "en", "This order form is not an invoice."],
    ["delivery_note", "nl", "Deze leveringsbon is geen factuur."],
    ["delivery_note", "fr", "Ce bon de livraison n'est pas une facture."],
    ["delivery_note", "en", "This delivery note is not an invoice."],
  ];
  it.each(cases)("%s in %s", async (type, language, sentence) => {
    expect(await textOf(await issued(type, language))).toContain(sentence);
  });

  it("an invoice says no such thing", async () => {
    const text = await textOf(await issued("invoice", "en"));
    expect(text).not.toContain("not an invoice");
  });
});
