import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { ActivityLog } from "@/components/documents/activity-log";
import { ConceptActions, SendAgainButton } from "@/components/documents/document-actions";
import { InvoiceActions } from "@/components/documents/invoice-actions";
import { DocumentPeppolSection } from "@/components/peppol/document-peppol-section";
import { RegisterButton } from "@/components/peppol/register-button";
import { PaymentList } from "@/components/documents/payment-list";
import { ReminderButton } from "@/components/payments/reminder-button";
import { listPayments } from "@/db/queries/payments";
import { listOnlinePayments } from "@/db/queries/online-payments";
import { getPeppolSettings } from "@/db/queries/peppol-settings";
import { listDocumentTransmissions } from "@/db/queries/peppol-transmissions";
import { listOriginals } from "@/db/queries/document-originals";
import { DocumentOriginals } from "@/components/documents/document-originals";
import styles from "@/components/documents/documents.module.css";
import { belgianLocale, formatCalendarDate } from "@/components/documents/format";
import { StatusBadge } from "@/components/documents/status-badge";
import { TotalsSummary } from "@/components/documents/totals-summary";
import { OnlinePaymentsCard } from "@/components/payments/online/online-payments-card";
import { vatLabel } from "@/components/documents/vat-label";
import { getConfig } from "@/lib/config/env";
import { gatewayLabel } from "@/lib/shopify/order-sync/order-settings";
import { documentState } from "@/lib/documents/document-state";
import { vatDifferenceGroups } from "@/lib/shopify/order-sync/vat-difference-event";
import { centsToDecimalString, formatMoney, formatPercent } from "@/lib/money";
import { brusselsToday } from "@/lib/calendar/brussels-date";
import { reachableOverPeppolOnly } from "@/lib/peppol/send/reachable-over-peppol-only";
import { isPeppolFirst } from "@/lib/peppol/send/peppol-copy";
import { formatStructuredCommunication } from "@/lib/structured-communication/format-structured-communication";
import { loadDocumentOr404 } from "../load-document";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> {
  const { db, tenant } = await requireOrg();
  const t = await getTranslations("documents");
  const { document } = await loadDocumentOr404(db, tenant, (await params).id);
  const type = t(`types.${document.type}`);
  return {
    title: document.number ? `${type} ${document.number}` : t("detail.conceptOf", { type }),
  };
}

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { db, tenant } = await requireOrg();
  const [t, locale] = await Promise.all([getTranslations("documents"), getLocale()]);
  const tv = await getTranslations("documents.vat");
  const intl = belgianLocale(locale);
  const { document, lines, events } = await loadDocumentOr404(db, tenant, id);
  const money = (cents: number) => formatMoney(cents, document.currency, intl);
  const type = t(`types.${document.type}`);
  const label = document.number ? `${type} ${document.number}` : t("detail.conceptOf", { type });
  const customer = document.customer;
  const isConcept = document.status === "concept";
  // A Belgian company without an email address is still reachable: over Peppol only.
  const peppolOnly =
    isConcept &&
    !customer?.email &&
    (await reachableOverPeppolOnly(db, tenant, document, customer));
  const pdfHref = `/api/documents/${document.id}/pdf`;
  // An invoice's customer page shows what is due and how to pay; other documents are their PDF.
  const customerLink = `${getConfig().APP_URL}/d/${document.publicToken}${document.type === "invoice" ? "" : "/pdf"}`;
  const payments = document.type === "invoice" ? await listPayments(db, tenant, document.id) : [];
  const [transmissions, peppolSettings, originals] = await Promise.all([
    listDocumentTransmissions(db, tenant, document.id),
    getPeppolSettings(db, tenant),
    isConcept ? Promise.resolve([]) : listOriginals(db, tenant, document.id),
  ]);
  // Once delivered over Peppol, the reminder that it must go there has done its job.
  const deliveredOverPeppol = transmissions.some(
    (row) => row.channel === "peppol" && row.status === "delivered",
  );
  const today = brusselsToday();
  const vatDifferences = vatDifferenceGroups(events);
  const state = documentState(document, {
    today,
    peppolOnly,
    deliveredOverPeppol,
    lineCategories: lines.map((line) => line.vatCategory),
    vatDifference: vatDifferences.length > 0,
  });
  const { finalised, dueCents, overpaidCents, actions, notices } = state;
  const showOnlinePayments = document.type === "invoice" && finalised;
  const onlinePayments =
    showOnlinePayments && document.publicToken
      ? await listOnlinePayments(db, tenant, document.id)
      : [];

  return (
    <>
      <div className="page-header">
        <Link href="/documents">← {t("detail.back")}</Link>
        <div className={styles.headerRow}>
          <h1>{label}</h1>
          <StatusBadge status={document.status} />
        </div>
        <p>
          {t("detail.origin")}:{" "}
          {document.source === "shopify"
            ? t("list.shopify", { name: document.sourceName ?? "" })
            : t("list.manual")}
        </p>
        {document.creditedDocumentId && (
          <p>
            <Link href={`/documents/${document.creditedDocumentId}`}>
              {t("detail.correctsInvoice")}
            </Link>
          </p>
        )}
        {finalised && (
          <p>
            {t("detail.customerLink")}:{" "}
            <a href={customerLink} className="muted" style={{ overflowWrap: "anywhere" }}>
              {customerLink}
            </a>
          </p>
        )}
      </div>

      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title">{t("detail.actions")}</h2>
        {isConcept && (
          <>
            {state.deadline && (
              <p className={state.deadline.state === "late" ? "alert" : "notice"} id="deadline">
                {t(
                  state.deadline.state === "late" ? "detail.deadlineLate" : "detail.deadlineSoon",
                  {
                    date: formatCalendarDate(state.deadline.deadline, intl),
                  },
                )}
              </p>
            )}
            {notices.deliveryDateRequired && (
              <p className="notice" id="delivery-date-required">
                {t("detail.deliveryDateRequired")}
              </p>
            )}
            {notices.vatDifference &&
              vatDifferences.map((group) => (
                <p
                  className="notice"
                  key={`${group.country ?? ""}:${group.category}:${group.rateBp}`}
                >
                  {t("detail.vatDifference", {
                    rate: vatLabel(tv, group.category, group.rateBp, intl, group.country),
                    shopify: money(group.shopifyCents),
                    perRate: money(group.perRateCents),
                    lines: group.lines,
                  })}
                </p>
              ))}
            {notices.paidOnIssue &&
              document.paidOnIssue &&
              (notices.paidOnIssueCents < document.totalCents ? (
                <p className="notice">
                  {t("detail.paidOnIssuePartly", {
                    amount: money(notices.paidOnIssueCents),
                    gateway: gatewayLabel(document.paidOnIssue.reference),
                  })}
                </p>
              ) : (
                <p className="notice">
                  {t("detail.paidOnIssue", {
                    gateway: gatewayLabel(document.paidOnIssue.reference),
                  })}
                </p>
              ))}
            {notices.peppolOnly && <p className="notice">{t("detail.peppolOnly")}</p>}
            {/* A Belgian business's invoice waits: Peppol first, and the merchant registered. */}
            {isPeppolFirst(document) && (
              <div className="notice" id="peppol-first">
                <p>{t("detail.peppolB2b")}</p>
                {!peppolSettings?.senderId && (
                  <>
                    <p>{t("detail.peppolRegister")}</p>
                    <RegisterButton activate />
                  </>
                )}
              </div>
            )}
            {(notices.noEmail || notices.noCustomer) && (
              <p className="notice" id="send-blocked">
                {notices.noEmail ? t("detail.noEmail") : t("detail.noCustomerToSend")}
              </p>
            )}
            <ConceptActions documentId={document.id} canSend={!actions.sendBlocked} />
          </>
        )}
        {finalised && (
          <>
            <p className="muted">{t("detail.finalisedNote")}</p>
            {notices.peppolB2b && <p className="notice">{t("detail.peppolB2b")}</p>}
            <div className={styles.actions}>
              <a href={`${pdfHref}?download=1`} className="btn btn-primary" download>
                {t("detail.downloadPdf")}
              </a>
              {actions.downloadUbl && (
                <a href={`/api/documents/${document.id}/ubl`} className="btn" download>
                  {t("detail.downloadUbl")}
                </a>
              )}
              <SendAgainButton documentId={document.id} />
              {actions.remind && (
                <ReminderButton invoiceId={document.id} label={document.number ?? ""} />
              )}
              {actions.credit && (
                <InvoiceActions
                  documentId={document.id}
                  payable={actions.markPaid}
                  due={centsToDecimalString(dueCents)}
                  today={today}
                />
              )}
            </div>
          </>
        )}
        {document.status === "cancelled" && <p className="muted">{t("statuses.cancelled")}</p>}
      </section>

      <DocumentPeppolSection
        document={document}
        transmissions={transmissions}
        settings={peppolSettings}
      />

      <div className={styles.detailGrid}>
        <div>
          <section className="card" aria-labelledby="customer-title">
            <h2 id="customer-title">{t("detail.customer")}</h2>
            {customer ? (
              <address style={{ fontStyle: "normal" }}>
                {customer.company && (
                  <>
                    <strong>{customer.company}</strong>
                    <br />
                  </>
                )}
                {customer.company ? customer.name : <strong>{customer.name}</strong>}
                <br />
                {[customer.billing.street, customer.billing.line2].filter(Boolean).map((street) => (
                  <span key={street}>
                    {street}
                    <br />
                  </span>
                ))}
                {[customer.billing.postalCode, customer.billing.city].filter(Boolean).join(" ")}{" "}
                {customer.billing.country}
                {customer.vatNumber && (
                  <>
                    <br />
                    {t("detail.vatNumber", { number: customer.vatNumber })}
                  </>
                )}
                {customer.email && (
                  <>
                    <br />
                    {customer.email}
                  </>
                )}
              </address>
            ) : (
              <p className="muted">{t("detail.noCustomer")}</p>
            )}
            {customer?.delivery && (
              <>
                <h3>{t("detail.deliveryAddress")}</h3>
                <address style={{ fontStyle: "normal" }}>
                  {[customer.delivery.street, customer.delivery.line2]
                    .filter(Boolean)
                    .map((street) => (
                      <span key={street}>
                        {street}
                        <br />
                      </span>
                    ))}
                  {[customer.delivery.postalCode, customer.delivery.city].filter(Boolean).join(" ")}{" "}
                  {customer.delivery.country}
                </address>
              </>
            )}
          </section>

          <section className="card" aria-labelledby="dates-title">
            <h2 id="dates-title">{t("detail.dates")}</h2>
            <dl className={styles.facts}>
              <dt>{t("detail.issueDate")}</dt>
              <dd>{formatCalendarDate(document.issueDate, intl)}</dd>
              {document.supplyDate && (
                <>
                  <dt>{t("detail.supplyDate")}</dt>
                  <dd>{formatCalendarDate(document.supplyDate, intl)}</dd>
                </>
              )}
              {document.deliveryDate && (
                <>
                  <dt>{t("detail.deliveryDate")}</dt>
                  <dd>{formatCalendarDate(document.deliveryDate, intl)}</dd>
                </>
              )}
              {document.dueDate && (
                <>
                  <dt>{t("detail.dueDate")}</dt>
                  <dd>{formatCalendarDate(document.dueDate, intl)}</dd>
                </>
              )}
            </dl>
          </section>

          {(document.legend ||
            document.structuredCommunication ||
            (document.type === "invoice" && finalised)) && (
            <section className="card" aria-labelledby="payment-title">
              <h2 id="payment-title">{t("detail.payment")}</h2>
              <dl className={styles.facts}>
                {document.structuredCommunication && (
                  <>
                    <dt>{t("detail.structuredCommunication")}</dt>
                    <dd className={styles.ogm}>
                      {formatStructuredCommunication(document.structuredCommunication)}
                    </dd>
                  </>
                )}
                {document.type === "invoice" && finalised && (
                  <>
                    <dt>{t("detail.payment")}</dt>
                    <dd>
                      {state.payment === "paid"
                        ? t("detail.paid")
                        : state.payment === "partially_paid"
                          ? t("detail.paidOfTotal", {
                              paid: money(document.paidCents),
                              due: money(dueCents),
                            })
                          : `${t("detail.toBePaid")}: ${money(dueCents)}`}
                    </dd>
                  </>
                )}
                {payments.length > 0 && (
                  <>
                    <dt>{t("detail.payments")}</dt>
                    <dd>
                      <PaymentList
                        documentId={document.id}
                        currency={document.currency}
                        payments={payments.map((p) => ({
                          id: p.id,
                          amountCents: p.amountCents,
                          method: p.method,
                          paidOn: p.paidOn,
                          // Shopify's gateway codes in words ("Shopify Payments").
                          reference:
                            p.method === "shopify" ? gatewayLabel(p.reference) : p.reference,
                          undone: p.undoneAt !== null,
                        }))}
                      />
                      {overpaidCents > 0 && (
                        <p className="notice">
                          {t("detail.overpaid", { amount: money(overpaidCents) })}
                        </p>
                      )}
                    </dd>
                  </>
                )}
                {document.legend && (
                  <>
                    <dt>{t("detail.legend")}</dt>
                    <dd style={{ whiteSpace: "pre-wrap" }}>{document.legend}</dd>
                  </>
                )}
              </dl>
            </section>
          )}

          {showOnlinePayments && (
            <OnlinePaymentsCard publicToken={document.publicToken} payments={onlinePayments} />
          )}

          <section className="card" aria-labelledby="activity-title">
            <h2 id="activity-title">{t("detail.activity")}</h2>
            {events.length === 0 ? (
              <p className="muted">{t("detail.noActivity")}</p>
            ) : (
              <ActivityLog events={events} currency={document.currency} />
            )}
          </section>
        </div>

        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t("detail.preview")}</h2>
          <iframe
            src={pdfHref}
            title={t("detail.previewTitle", { label })}
            className={styles.preview}
          />
        </section>
      </div>

      <section className="card" aria-labelledby="lines-title">
        <h2 id="lines-title">{t("detail.lines")}</h2>
        <div className="table-wrap">
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t("form.description")}</th>
                <th scope="col" className={styles.amount}>
                  {t("form.quantity")}
                </th>
                <th scope="col" className={styles.amount}>
                  {t("form.unitPrice")}
                </th>
                <th scope="col">{t("form.vat")}</th>
                <th scope="col" className={styles.amount}>
                  {t("totals.net")}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id}>
                  <td>
                    {line.description}
                    {line.sku && <div className="muted">{line.sku}</div>}
                  </td>
                  <td className={styles.amount}>
                    {new Intl.NumberFormat(intl, { maximumFractionDigits: 3 }).format(
                      line.quantity as Intl.StringNumericLiteral,
                    )}
                  </td>
                  <td className={styles.amount}>
                    {money(line.unitPriceCents)}
                    <div className="muted">
                      {t(line.priceMode === "incl" ? "form.incl" : "form.excl")}
                      {line.discountBp > 0 && ` −${formatPercent(line.discountBp, intl)}`}
                    </div>
                  </td>
                  <td className={styles.nowrap}>
                    {vatLabel(tv, line.vatCategory, line.vatRateBp, intl, line.vatCountry)}
                  </td>
                  <td className={styles.amount}>{money(line.netCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div style={{ marginTop: "1rem" }}>
          <TotalsSummary
            totals={{
              vatBreakdown: document.vatBreakdown,
              netCents: document.totalNetCents,
              vatCents: document.totalVatCents,
              grossCents: document.totalCents,
            }}
            currency={document.currency}
          />
        </div>
      </section>
      {finalised && <DocumentOriginals originals={originals} />}
    </>
  );
}
