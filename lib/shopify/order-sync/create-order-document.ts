import type { Db } from "@/db";
import { isAppActive } from "@/db/queries/apps";
import { hasDocumentSend, unsentDocumentSendsSince } from "@/db/queries/document-sends";
import { createConcept, getDocument, recordDocumentEvent } from "@/db/queries/documents";
import { getOrganisation } from "@/db/queries/organisations";
import { findDocumentBySourceKey, markConceptPaidOnIssue } from "@/db/queries/shopify-orders";
import type { Tenant } from "@/db/tenant";
import { isUniqueViolation } from "@/db/errors";
import type { DocumentLanguage } from "@/db/schema/organisations";
import { brusselsToday } from "@/lib/calendar/brussels-date";
import { systemClock } from "@/lib/calendar/clock";
import { isPayable } from "@/lib/documents/document-state";
import { recordPayment } from "@/lib/payments/record-payment";
import { isFinalised } from "@/lib/documents/document-lifecycle";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import {
  compareWithShopify,
  computeMappedTotals,
  mapOrderToDocument,
  type MappedOrderDocument,
  type ShopifyOrder,
} from "../order-mapping";
import { matchOrCreateCustomer } from "./match-customer";
import type { OrderSettings } from "./order-settings";
import { sendIfAutomatic, type SendOutcome } from "./send-if-automatic";
import { orderDocumentKey } from "./source-keys";
import { toConceptLines } from "./to-concept-lines";
import { isPaid } from "./trigger";

export interface OrderSyncDeps {
  db: Db;
  queue: Queue;
}

export type OrderDocumentOutcome =
  | { result: "created"; documentId: string; send: SendOutcome }
  | { result: "exists"; documentId: string; paidNow: boolean; send?: SendOutcome };

const gatewayReference = (order: ShopifyOrder) =>
  order.paymentGatewayNames.join(", ").slice(0, 200) || null;

/**
 * The document an order becomes, exactly once: the source key
 * (shop, order, document type) is unique, so concurrent or repeated deliveries
 * either create it or find it. A paid order's document is issued as paid (the
 * gateway noted); with "send automatically" it is numbered and emailed at once,
 * otherwise it waits as a concept for the merchant.
 */
export async function createOrderDocument(
  deps: OrderSyncDeps,
  t: Tenant,
  input: { shop: string; order: ShopifyOrder; settings: OrderSettings },
): Promise<OrderDocumentOutcome> {
  const { db } = deps;
  const { shop, order, settings } = input;
  const sourceKey = orderDocumentKey(shop, order.id, settings.documentType);
  const existing = await findDocumentBySourceKey(db, t, sourceKey);
  if (existing) {
    const paidNow = await settlePaidOrder(db, t, existing, order);
    const send = settings.autoSend
      ? await finishInterruptedSend(deps, t, existing.id, order, settings)
      : undefined;
    return { result: "exists", documentId: existing.id, paidNow, ...(send ? { send } : {}) };
  }

  const mapped = mapOrderToDocument(order, {
    documentType: settings.documentType,
    sellerCountry: "BE",
  });
  const language = await documentLanguage(db, t, mapped);
  const customerId = await matchOrCreateCustomer(
    db,
    t,
    mapped.buyer,
    language,
    `Shopify ${order.name ?? order.id}`,
  );
  const { lines } = toConceptLines(mapped.lines, language);
  const paid = isPaid(order);
  let documentId: string;
  try {
    documentId = await createConcept(
      db,
      t,
      {
        type: settings.documentType,
        customerId,
        language,
        issueDate: mapped.issueDate ?? brusselsToday(),
        dueDate: null,
        legend: "",
        lines,
      },
      {
        source: "shopify",
        sourceId: order.id,
        sourceName: order.name,
        sourceKey,
        currency: mapped.currency,
        fixedVat: [...mapped.fixedVat],
        paidOnIssue: paid ? { method: "shopify", reference: gatewayReference(order) } : null,
      },
    );
  } catch (error) {
    // Another delivery of this order created it a moment ago.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findDocumentBySourceKey(db, t, sourceKey);
    if (!winner) throw error;
    return { result: "exists", documentId: winner.id, paidNow: false };
  }
  // A document that does not add up to what Shopify charged is never sent on its own:
  // it waits as a concept and the inbox says why (fees, duties, edited payloads…).
  const mismatches = totalsMismatches(order, mapped);
  if (mismatches.length > 0) {
    await recordDocumentEvent(db, t, documentId, "shopify_totals_mismatch", {
      checks: mismatches.map((c) => ({
        what: c.what,
        shopify: c.shopifyCents,
        document: c.documentCents,
      })),
    });
    return { result: "created", documentId, send: { sent: false, problem: "totals_mismatch" } };
  }
  if (mapped.warnings.length > 0 || mapped.notes.length > 0) {
    await recordDocumentEvent(db, t, documentId, "shopify_mapping", {
      warnings: mapped.warnings.map((w) => w.code),
      notes: mapped.notes,
    });
  }
  const send = settings.autoSend
    ? await sendIfAutomatic(deps, t, documentId)
    : ({ sent: false } as const);
  return { result: "created", documentId, send };
}

/**
 * An order paid after its document was made: a sent invoice records the payment,
 * a concept will be issued as paid. Returns whether anything changed.
 */
async function settlePaidOrder(
  db: Db,
  t: Tenant,
  document: NonNullable<Awaited<ReturnType<typeof findDocumentBySourceKey>>>,
  order: ShopifyOrder,
): Promise<boolean> {
  if (!isPaid(order)) return false;
  if (document.status === "concept") {
    if (document.paidOnIssue) return false;
    await markConceptPaidOnIssue(db, t, document.id, gatewayReference(order));
    return true;
  }
  if (!isPayable(document)) return false;
  // What is due is read again under the invoice's lock: a payment recorded meanwhile
  // (a transfer, Mollie) is not paid a second time.
  await recordPayment(
    db,
    t,
    {
      invoiceId: document.id,
      amountCents: "due",
      method: "shopify",
      paidOn: brusselsToday(),
      reference: gatewayReference(order),
      sourceKey: `shopify:order:${order.id}:paid`,
    },
    systemClock,
  );
  return true;
}

/** The customer's language when Foreign customers is on (and Shopify knows it), else the company's. */
async function documentLanguage(
  db: Db,
  t: Tenant,
  mapped: MappedOrderDocument,
): Promise<DocumentLanguage> {
  const organisation = await getOrganisation(db, t.organisationId);
  if (mapped.language && (await isAppActive(db, t, "foreign-customers"))) return mapped.language;
  return organisation.defaultLanguage;
}

/** Where the document would not add up to what Shopify charged (never sent on its own). */
function totalsMismatches(order: ShopifyOrder, mapped: MappedOrderDocument) {
  return compareWithShopify(order, mapped, computeMappedTotals(mapped)).checks.filter(
    (check) => check.status === "mismatch",
  );
}

/**
 * A worker that died between creating the document and queueing its email leaves
 * a concept (or a numbered document) that "send automatically" never sent. The
 * retried delivery finishes it: a concept nobody edited, that adds up, is sent; a
 * numbered one without any email is queued. Anything else is the merchant's to do.
 */
async function finishInterruptedSend(
  deps: OrderSyncDeps,
  t: Tenant,
  documentId: string,
  order: ShopifyOrder,
  settings: OrderSettings,
): Promise<SendOutcome | undefined> {
  const found = await getDocument(deps.db, t, documentId);
  if (!found) return undefined;
  const { document, events } = found;
  if (document.status === "concept") {
    if (events.some((e) => e.kind === "edited" || e.kind === "shopify_totals_mismatch"))
      return undefined;
    const mapped = mapOrderToDocument(order, {
      documentType: settings.documentType,
      sellerCountry: "BE",
    });
    if (totalsMismatches(order, mapped).length > 0) return undefined;
    return sendIfAutomatic(deps, t, documentId);
  }
  if (!isFinalised(document.status)) return undefined;
  if (!(await hasDocumentSend(deps.db, t, documentId))) return sendIfAutomatic(deps, t, documentId);
  // Killed between storing the send and queueing its job: queue it (again). The send
  // job is idempotent per send and the email per key, so a second job emails once.
  const stranded = await unsentDocumentSendsSince(deps.db, t, documentId, new Date(0));
  for (const send of stranded)
    await enqueue(deps.queue, sendDocumentJob, {
      organisationId: t.organisationId,
      sendId: send.id,
    });
  return undefined;
}
