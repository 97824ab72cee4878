import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { parseArgs } from "node:util";
import { openPglite, type DbHandle } from "@/db/client";
import { activateApp, isAppActive } from "@/db/queries/apps";
import { getDocument } from "@/db/queries/documents";
import { getShopifyConnection } from "@/db/queries/shopify-connections";
import { organisations, users } from "@/db/schema";
import { tenant } from "@/db/tenant";
import type { AppConfig } from "@/lib/config/env";
import { documentJson } from "@/lib/documents/document-json";
import { UblError } from "@/lib/peppol";
import { renderDocumentUbl } from "@/lib/peppol/render-document-ubl";
import { refusingQueue } from "@/lib/jobs/refusing-queue";
import { parseShopifyOrder } from "@/lib/shopify/order-mapping";
import { createOrderDocument } from "@/lib/shopify/order-sync/create-order-document";
import { creditRefund } from "@/lib/shopify/order-sync/credit-refund";
import { readOrderSettings } from "@/lib/shopify/order-sync/order-settings";
import { CliError, type CliOutput } from "../output";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { systemClock } from "@/lib/calendar/clock";

export const orderPreviewUsage =
  "facturo order:preview FILE [--refund REFUND_FILE] [--org ORGANISATION_ID] [--ubl]";

export interface OrderPreviewInput {
  orderFile: string;
  refundFile: string | null;
  organisationId: string | null;
  ubl: boolean;
}

export function parseOrderPreviewArgs(argv: string[]): OrderPreviewInput {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { refund: { type: "string" }, org: { type: "string" }, ubl: { type: "boolean" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new CliError(`${(err as Error).message}\nusage: ${orderPreviewUsage}`);
  }
  const [orderFile, ...extra] = parsed.positionals;
  if (!orderFile || extra.length > 0) {
    throw new CliError(`give exactly one order FILE\nusage: ${orderPreviewUsage}`);
  }
  const org = parsed.values.org?.trim() ?? null;
  if (
    org !== null &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(org)
  ) {
    throw new CliError(`--org "${org}" is not an organisation id (a UUID)`);
  }
  return {
    orderFile,
    refundFile: parsed.values.refund ?? null,
    organisationId: org?.toLowerCase() ?? null,
    ubl: parsed.values.ubl ?? false,
  };
}

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new CliError(
      `cannot read ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new CliError(`${what} ${file} is not JSON: ${(err as Error).message}`);
  }
}

/** A seller complete enough to issue invoices, for previews without --org. */
const DEMO_SELLER = {
  legalName: "Facturo Demo SRL",
  vatNumber: "BE0403170701",
  street: "Rue de la Loi 16",
  postalCode: "1000",
  city: "Bruxelles",
  country: "BE",
  iban: "BE68539007547034",
  defaultLanguage: "fr" as const,
};

// Previews never send: anything that would queue a job is a bug here.
const noQueue = refusingQueue("order:preview does not send anything");

/**
 * Prints the document a Shopify order payload would become, in the read API's
 * shape, without touching any real data: the real pipeline runs against a
 * throw-away in-memory database holding a copy of the seller (the demo one, or
 * --org's company and Shopify settings). With --refund, the order's invoice is
 * issued there and the refund's credit note is printed instead.
 */
export async function orderPreview(
  deps: { out: CliOutput; config: AppConfig; openDatabase(config: AppConfig): Promise<DbHandle> },
  input: OrderPreviewInput,
): Promise<void> {
  const parsed = parseShopifyOrder(await readJson(input.orderFile, "order file"));
  if (!parsed.ok)
    throw new CliError(`${input.orderFile} is not a Shopify order: ${parsed.error.message}`);
  const refund = input.refundFile ? await readJson(input.refundFile, "refund file") : null;

  let seller: typeof DEMO_SELLER | typeof organisations.$inferSelect = DEMO_SELLER;
  let storedSettings: unknown = {};
  let foreignCustomers = true;
  if (input.organisationId) {
    const real = await deps.openDatabase(deps.config);
    try {
      const t = tenant(input.organisationId);
      const [row] = await real.db
        .select()
        .from(organisations)
        .where(eq(organisations.id, input.organisationId));
      if (!row) throw new CliError(`no organisation with id ${input.organisationId}`);
      seller = row;
      storedSettings = (await getShopifyConnection(real.db, t))?.settings ?? {};
      foreignCustomers = await isAppActive(real.db, t, "foreign-customers");
    } finally {
      await real.close();
    }
  }

  const memory = await openPglite();
  try {
    const [user] = await memory.db
      .insert(users)
      .values({ email: "preview@facturo.local" })
      .returning();
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      ...fields
    } = seller as typeof organisations.$inferSelect;
    const [organisation] = await memory.db
      .insert(organisations)
      .values({ ...fields })
      .returning();
    if (!user || !organisation) throw new Error("preview seller not created");
    const t = tenant(organisation.id);
    if (foreignCustomers) await activateApp(memory.db, t, "foreign-customers");
    const settings = { ...readOrderSettings(storedSettings), autoSend: false };
    const shop = "preview.myshopify.com";
    const deps2 = { db: memory.db, queue: noQueue };
    const made = await createOrderDocument(deps2, t, { shop, order: parsed.value, settings });
    let documentId = made.documentId;
    if (refund !== null) {
      if (settings.documentType !== "invoice") {
        throw new CliError(
          `a refund credits an invoice, but this seller makes ${settings.documentType} documents`,
        );
      }
      await finaliseDocument(memory.db, t, { documentId: documentId }, systemClock);
      const credited = await creditRefund(deps2, t, {
        shop,
        refund,
        order: parsed.value,
        settings,
      });
      if (
        !credited.documentId ||
        credited.status === "failed" ||
        credited.outcome !== "credit_note_created"
      ) {
        throw new CliError(
          `the refund gives no credit note: ${credited.outcome}${credited.error ? ` (${credited.error})` : ""}`,
        );
      }
      documentId = credited.documentId;
    }
    if (input.ubl) {
      // Peppol UBL exists for issued invoices and credit notes: issue it in the throw-away copy.
      if (refund === null && settings.documentType !== "invoice") {
        throw new CliError(
          `--ubl needs an invoice, but this seller makes ${settings.documentType} documents`,
        );
      }
      await finaliseDocument(memory.db, t, { documentId: documentId }, systemClock);
      try {
        deps.out.out((await renderDocumentUbl(memory.db, t, documentId)).xml);
      } catch (error) {
        if (error instanceof UblError)
          throw new CliError(`no valid UBL for this order: ${error.message}`);
        throw error;
      }
      return;
    }
    const found = await getDocument(memory.db, t, documentId);
    if (!found) throw new Error("preview document vanished");
    deps.out.out(JSON.stringify(documentJson(found.document, found.lines), null, 2));
  } finally {
    await memory.close();
  }
}
