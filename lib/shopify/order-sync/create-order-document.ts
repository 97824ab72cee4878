import type { Db } from "@/db";
import { isAppActive } from "@/db/queries/apps";
import { hasDocumentSend, unsentDocumentSendsSince } from "@/db/queries/document-sends";
import { getDocument, recordDocumentEvent, setConceptDates } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { listDocumentTransmissions } from "@/db/queries/peppol-transmissions";
import { paidByMethodCents } from "@/db/queries/payments";
import { getOrganisation } from "@/db/queries/organisations";
import { findDocumentBySourceKey, markConceptPaidOnIssue } from "@/db/queries/shopify-orders";
import type { Tenant } from "@/db/tenant";
import { isUniqueViolation } from "@/db/errors";
import type { DocumentLanguage } from "@/db/schema/organisations";
import { brusselsToday } from "@/lib/calendar/brussels-date";
import type { Clock } from "@/lib/calendar/clock";
import { isPayable, paidOnIssueCents } from "@/lib/documents/document-state";
import { recordPayment } from "@/lib/payments/record-payment";
import { isFinalised } from "@/lib/documents/document-lifecycle";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import type { PaidOnIssue } from "@/db/schema";
import {
  compareWithShopify,
  computeMappedTotals,
  mapOrderToDocument,
  orderBuyerSnapshot,
  paymentDateOf,
  receivedCents,
  ShopifyPayloadError,
  vatDifferences,
  type MappedOrderDocument,
  type ShopifyOrder,
} from "../order-mapping";
import { currentStockMode } from "@/lib/articles/stock-mode";
import { matchOrderArticles } from "./match-articles";
import { matchOrCreateCustomer } from "./match-customer";
import type { OrderSettings } from "./order-settings";
import { sendIfAutomatic, type SendOutcome } from "./send-if-automatic";
import { orderDocumentKey } from "./source-keys";
import { toConceptLines } from "./to-concept-lines";
import { VAT_DIFFERENCE_EVENT } from "./vat-difference-event";
import { isPaid } from "./trigger";

export interface OrderSyncDeps {
  db: Db;
  queue: Queue;
  /** "Now", passed in by the entry (a job handler passes the system clock). */
  clock: Clock;
}

export type OrderDocumentOutcome =
  | { result: "created"; documentId: string; send: SendOutcome }
  | { result: "exists"; documentId: string; paidNow: boolean; send?: SendOutcome };

const gatewayReference = (order: ShopifyOrder) =>
  order.paymentGatewayNames.join(", ").slice(0, 200) || null;

/** What Shopify received for the order, to record when its concept is issued. */
function paidOnIssueOf(order: ShopifyOrder, mapped: MappedOrderDocument): PaidOnIssue | null {
  const received = mapped.receivedCents ?? 0;
  if (!isPaid(order) && received <= 0) return null;
  return {
    method: "shopify",
    reference: gatewayReference(order),
    amountCents: received,
    ...(mapped.dates.paymentDate ? { paidOn: mapped.dates.paymentDate } : {}),
  };
}

/**
 * Shopify's per-rate VAT for a Belgian business buyer: its invoice is the one the law
 * (and Peppol) describes, VAT once per rate on the rate's total. A consumer's document
 * keeps Shopify's per-line amounts, what they paid (lib/shopify/order-mapping/README.md).
 */
export function computesVatPerRate(mapped: Pick<MappedOrderDocument, "buyer">): boolean {
  return mapped.buyer.vatNumber?.startsWith("BE") ?? false;
}

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
  const { db, clock } = deps;
  const { shop, order, settings } = input;
  const sourceKey = orderDocumentKey(shop, order.id, settings.documentType);
  const existing = await findDocumentBySourceKey(db, t, sourceKey);
  if (existing) {
    const paidNow = await settleOrderPayments(db, t, existing, order, clock);
    await refreshConceptDates(db, t, existing, order, settings, clock);
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
  const fallbackName = `Shopify ${order.name ?? order.id}`;
  // The customer record is for the merchant's list (and later orders); the document
  // names the buyer of THIS order, from this order only.
  const customerId = await matchOrCreateCustomer(db, t, mapped.buyer, language, fallbackName);
  const buyer = orderBuyerSnapshot(mapped.buyer, {
    language: mapped.language ?? language,
    fallbackName,
  });
  const { lines } = toConceptLines(mapped.lines, language);
  // Before the concept: its invoice finds the articles by SKU when it is issued.
  await matchOrderArticles(db, t, { mapped, mode: await currentStockMode(db, t) });
  let documentId: string;
  try {
    documentId = await createConcept(
      db,
      t,
      {
        type: settings.documentType,
        customerId,
        language,
        issueDate: mapped.issueDate ?? brusselsToday(clock.now()),
        dueDate: null,
        supplyDate: mapped.dates.supplyDate,
        legend: "",
        lines,
      },
      {
        source: "shopify",
        sourceId: order.id,
        sourceName: order.name,
        sourceKey,
        currency: mapped.currency,
        fixedVat: computesVatPerRate(mapped) ? null : [...mapped.fixedVat],
        vatTotalEurCents: mapped.vatTotalEurCents,
        paidOnIssue: paidOnIssueOf(order, mapped),
        customerSnapshot: buyer,
        deliveryDate: mapped.dates.deliveryDate,
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
  }
  // Nor is one whose tax is off the per-rate VAT by more than rounding explains.
  const differences = vatDifferences(mapped);
  if (differences.length > 0) {
    await recordDocumentEvent(db, t, documentId, VAT_DIFFERENCE_EVENT, {
      groups: differences.map((d) => ({ ...d })),
    });
  }
  if (mismatches.length > 0)
    return { result: "created", documentId, send: { sent: false, problem: "totals_mismatch" } };
  if (differences.length > 0)
    return { result: "created", documentId, send: { sent: false, problem: "vat_difference" } };
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

type ExistingDocument = NonNullable<Awaited<ReturnType<typeof findDocumentBySourceKey>>>;

/**
 * Money Shopify received after the document was made (the order was paid, or a partially
 * paid order got more): a concept will be issued with it, a sent invoice records what
 * Shopify received beyond what Facturo already holds from Shopify — never more than is
 * due, so a transfer recorded meanwhile is not counted twice. Returns whether anything
 * changed.
 */
async function settleOrderPayments(
  db: Db,
  t: Tenant,
  document: ExistingDocument,
  order: ShopifyOrder,
  clock: Clock,
): Promise<boolean> {
  const received = receivedCents(order, document.totalCents);
  if (received === null || (!isPaid(order) && received <= 0)) return false;
  if (document.status === "concept") {
    if (document.paidOnIssue && paidOnIssueCents(document) >= received) return false;
    const paidOn = paymentDateOf(order);
    await markConceptPaidOnIssue(db, t, document.id, {
      method: "shopify",
      reference: gatewayReference(order),
      amountCents: received,
      ...(paidOn ? { paidOn } : {}),
    });
    return true;
  }
  if (document.type !== "invoice" || !isPayable(document)) return false;
  const missing = received - (await paidByMethodCents(db, t, document.id, "shopify"));
  if (missing <= 0) return false;
  // What is due is read again under the invoice's lock: a payment recorded meanwhile
  // (a transfer, Mollie) is not paid a second time.
  const result = await recordPayment(
    db,
    t,
    {
      invoiceId: document.id,
      amountCents: "due",
      atMost: missing,
      method: "shopify",
      paidOn: paymentDateOf(order) ?? brusselsToday(clock.now()),
      reference: gatewayReference(order),
      sourceKey: `shopify:order:${order.id}:received:${received}`,
    },
    clock,
  );
  return result.recorded;
}

/**
 * A later delivery of the order (fulfilled, paid, updated) may prove a date the concept
 * did not have yet: the goods left, so an intra-EU supply can be issued. Dates are only
 * filled in, never replaced: the merchant's own entry and the earliest fact stay.
 */
async function refreshConceptDates(
  db: Db,
  t: Tenant,
  document: ExistingDocument,
  order: ShopifyOrder,
  settings: OrderSettings,
  clock: Clock,
): Promise<void> {
  if (document.status !== "concept") return;
  const mapped = tryMapOrder(order, settings);
  if (!mapped) return;
  const deliveryDate = document.deliveryDate ?? mapped.dates.deliveryDate;
  const supplyDate = document.supplyDate ?? mapped.dates.supplyDate;
  if (deliveryDate === document.deliveryDate && supplyDate === document.supplyDate) return;
  await setConceptDates(db, t, document.id, { supplyDate, deliveryDate }, clock.now());
}

/** The mapping of an order already turned into a document; null when it no longer maps. */
function tryMapOrder(order: ShopifyOrder, settings: OrderSettings): MappedOrderDocument | null {
  try {
    return mapOrderToDocument(order, { documentType: settings.documentType, sellerCountry: "BE" });
  } catch (error) {
    if (error instanceof ShopifyPayloadError) return null;
    throw error;
  }
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
    const held = ["edited", "shopify_totals_mismatch", VAT_DIFFERENCE_EVENT];
    if (events.some((e) => held.includes(e.kind))) return undefined;
    const mapped = mapOrderToDocument(order, {
      documentType: settings.documentType,
      sellerCountry: "BE",
    });
    if (totalsMismatches(order, mapped).length > 0) return undefined;
    return sendIfAutomatic(deps, t, documentId);
  }
  if (!isFinalised(document.status)) return undefined;
  // Peppol first: a Belgian business's invoice went (or goes) over Peppol, its email later.
  const handedOn =
    (await hasDocumentSend(deps.db, t, documentId)) ||
    (await listDocumentTransmissions(deps.db, t, documentId)).length > 0;
  if (!handedOn) return sendIfAutomatic(deps, t, documentId);
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
