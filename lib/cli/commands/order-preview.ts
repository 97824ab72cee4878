import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { parseArgs } from "node:util";
import { openPglite, type DbHandle } from "@/db/client";
import { activateApp, isAppActive } from "@/db/queries/apps";
import { getDocument, type DocumentRow } from "@/db/queries/documents";
import type { Db } from "@/db/client";
import { getShopifyConnection } from "@/db/queries/shopify-connections";
import { organisations, users } from "@/db/schema";
import { tenant } from "@/db/tenant";
import type { AppConfig } from "@/lib/config/env";
import { documentJson } from "@/lib/documents/document-json";
import { UblError } from "@/lib/peppol";
import { renderDocumentUbl } from "@/lib/peppol/render-document-ubl";
import { discardingQueue } from "@/lib/jobs/discarding-queue";
import type { Queue } from "@/lib/jobs/queue";
import { parseShopifyOrder, type ShopifyOrder } from "@/lib/shopify/order-mapping";
import { isPeppolDocument } from "@/lib/documents/document-state";
import { queueDocumentSends, SendBlockedError } from "@/lib/documents/queue-document-send";
import type { Tenant } from "@/db/tenant";
import { createOrderDocument } from "@/lib/shopify/order-sync/create-order-document";
import { creditRefund } from "@/lib/shopify/order-sync/credit-refund";
import { readOrderSettings } from "@/lib/shopify/order-sync/order-settings";
import { CliError, type CliOutput } from "../output";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { systemClock } from "@/lib/calendar/clock";

export const orderPreviewUsage =
  "facturo order:preview FILE [FILE…] [--refund REFUND_FILE] [--issue] [--ubl] [--org ORGANISATION_ID]";

export interface OrderPreviewInput {
  orderFiles: string[];
  refundFile: string | null;
  organisationId: string | null;
  /** Send each document as the merchant would (number, dates, payments, snapshots). */
  issue: boolean;
  /** Also print each issued invoice's or credit note's Peppol UBL (implies --issue). */
  ubl: boolean;
}

export function parseOrderPreviewArgs(argv: string[]): OrderPreviewInput {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        refund: { type: "string" },
        org: { type: "string" },
        issue: { type: "boolean" },
        ubl: { type: "boolean" },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new CliError(`${(err as Error).message}\nusage: ${orderPreviewUsage}`);
  }
  const orderFiles = parsed.positionals;
  if (orderFiles.length === 0) {
    throw new CliError(`give at least one order FILE\nusage: ${orderPreviewUsage}`);
  }
  const org = parsed.values.org?.trim() ?? null;
  if (
    org !== null &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(org)
  ) {
    throw new CliError(`--org "${org}" is not an organisation id (a UUID)`);
  }
  const ubl = parsed.values.ubl ?? false;
  return {
    orderFiles,
    refundFile: parsed.values.refund ?? null,
    organisationId: org?.toLowerCase() ?? null,
    issue: (parsed.values.issue ?? false) || ubl,
    ubl,
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

/**
 * Prints, as a JSON array in the read API's shape, the documents Shopify order payloads
 * would become, without touching any real data: the real pipeline runs against one
 * throw-away in-memory database holding a copy of the seller (the demo one, or --org's
 * company and Shopify settings). The files are applied in order, so a returning customer
 * is a returning customer. One element per FILE (its document as it stands at the end),
 * then, with --refund, the credit note of that refund. --issue sends each document as the
 * merchant would, right after its order (nothing leaves: the queue keeps the jobs).
 */
export async function orderPreview(
  deps: { out: CliOutput; config: AppConfig; openDatabase(config: AppConfig): Promise<DbHandle> },
  input: OrderPreviewInput,
): Promise<void> {
  const orders: ShopifyOrder[] = [];
  for (const file of input.orderFiles) {
    const parsed = parseShopifyOrder(await readJson(file, "order file"));
    if (!parsed.ok) throw new CliError(`${file} is not a Shopify order: ${parsed.error.message}`);
    orders.push(parsed.value);
  }
  const refund = input.refundFile ? await readJson(input.refundFile, "refund file") : null;
  const refunded = refund === null ? null : refundedOrder(refund, orders, input);

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
    if (refunded && settings.documentType !== "invoice") {
      throw new CliError(
        `a refund credits an invoice, but this seller makes ${settings.documentType} documents`,
      );
    }
    if (input.ubl && settings.documentType !== "invoice") {
      throw new CliError(
        `--ubl needs an invoice, but this seller makes ${settings.documentType} documents`,
      );
    }
    const shop = "preview.myshopify.com";
    // Nothing leaves a preview: jobs (emails, Peppol) are kept by the queue, never run.
    const pipeline = { db: memory.db, queue: discardingQueue().queue, clock: systemClock };
    const documentIds: string[] = [];
    for (const [index, order] of orders.entries()) {
      const made = await createOrderDocument(pipeline, t, { shop, order, settings });
      documentIds.push(made.documentId);
      if (input.issue) await issue(pipeline, t, made.documentId, label(input, index), deps.out);
    }
    if (refunded) {
      const invoiceId = documentIds[refunded.index] ?? "";
      // A credit note corrects an issued invoice: issue it here if --issue did not.
      const invoice = await getDocument(memory.db, t, invoiceId);
      if (invoice?.document.status === "concept")
        await finaliseDocument(memory.db, t, { documentId: invoiceId }, systemClock);
      const credited = await creditRefund(pipeline, t, {
        shop,
        refund,
        order: refunded.order,
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
      documentIds.push(credited.documentId);
      if (input.issue) await issue(pipeline, t, credited.documentId, "the refund", deps.out);
    }
    const printed = [];
    for (const documentId of documentIds) {
      const found = await getDocument(memory.db, t, documentId);
      if (!found) throw new Error("preview document vanished");
      const json = documentJson(found.document, found.lines);
      printed.push(input.ubl ? { ...json, ubl: await ublOf(memory.db, t, found.document) } : json);
    }
    deps.out.out(JSON.stringify(printed, null, 2));
  } finally {
    await memory.close();
  }
}

const label = (input: OrderPreviewInput, index: number) => input.orderFiles[index] ?? "order";

/** The order a refund belongs to: the last FILE with its order_id (or the only FILE). */
function refundedOrder(
  refund: unknown,
  orders: readonly ShopifyOrder[],
  input: OrderPreviewInput,
): { order: ShopifyOrder; index: number } {
  const raw = (refund as { order_id?: unknown } | null)?.order_id;
  const orderId = typeof raw === "number" || typeof raw === "string" ? String(raw) : null;
  const index = orders.findLastIndex((order) => order.id === orderId);
  if (index >= 0) return { order: orders[index] as ShopifyOrder, index };
  if (orders.length === 1) return { order: orders[0] as ShopifyOrder, index: 0 };
  throw new CliError(
    `${input.refundFile ?? "the refund"} is for order ${orderId ?? "(none)"}, which no FILE holds`,
  );
}

/**
 * The merchant's Send: the document is numbered, dated, its snapshots frozen and what
 * Shopify received recorded, through the operation the app uses. What stops it (no
 * email, an intra-EU supply without delivery date…) is said on stderr; it stays a concept.
 */
async function issue(
  pipeline: { db: Db; queue: Queue },
  t: Tenant,
  documentId: string,
  what: string,
  out: CliOutput,
): Promise<void> {
  try {
    const result = await queueDocumentSends(
      pipeline.db,
      t,
      [documentId],
      pipeline.queue,
      systemClock,
    );
    if (result.missingEmail.length > 0) out.err(`${what}: not issued: the buyer has no email`);
  } catch (error) {
    if (error instanceof SendBlockedError) out.err(`${what}: not issued: ${error.code}`);
    else throw error;
  }
}

/** The Peppol UBL of an issued invoice or credit note; null for anything else. */
async function ublOf(db: Db, t: Tenant, document: DocumentRow): Promise<string | null> {
  if (document.status === "concept" || !isPeppolDocument(document)) return null;
  try {
    return (await renderDocumentUbl(db, t, document.id)).xml;
  } catch (error) {
    if (error instanceof UblError) {
      throw new CliError(`no valid UBL for ${document.number ?? "the document"}: ${error.message}`);
    }
    throw error;
  }
}
