import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { MatchLine } from "@/components/payments/match-line";
import { ReminderButton } from "@/components/payments/reminder-button";
import { UploadStatementForm } from "@/components/payments/upload-statement-form";
import { RefreshWhile } from "@/components/shopify/refresh-while";
import { listBankImports, listBankLinesToReview, openInvoicesForMatching } from "@/db/queries/bank";
import { listOverdueInvoices } from "@/db/queries/overdue";
import { belgianLocale, formatCalendarDate, formatDateTime } from "@/components/documents/format";
import { amountDue } from "@/lib/documents/document-state";
import { formatMoney } from "@/lib/money";
import { brusselsToday } from "@/lib/calendar/brussels-date";
import { daysLate } from "@/lib/calendar/calendar-days";
import Link from "next/link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments"))("title") };
}

export default async function PaymentsPage() {
  const { db, tenant } = await requireOrg();
  const [t, locale] = await Promise.all([getTranslations("payments"), getLocale()]);
  const intl = belgianLocale(locale);
  const today = brusselsToday();
  const [imports, review, openInvoices, overdue] = await Promise.all([
    listBankImports(db, tenant),
    listBankLinesToReview(db, tenant),
    openInvoicesForMatching(db, tenant),
    listOverdueInvoices(db, tenant, today),
  ]);
  const invoiceOptions = openInvoices.map((invoice) => ({
    id: invoice.id,
    label: `${invoice.number} · ${invoice.customerName} · ${formatMoney(amountDue(invoice), invoice.currency, intl)}`,
  }));
  return (
    <>
      <div className="page-header">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
      </div>
      <section className="card" aria-labelledby="upload-title">
        <h2 id="upload-title">{t("upload.title")}</h2>
        <UploadStatementForm />
      </section>

      <section className="card" aria-labelledby="review-title">
        <h2 id="review-title">{t("review.title")}</h2>
        {review.length === 0 ? (
          <p className="muted">{t("review.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t("review.date")}</th>
                  <th scope="col">{t("review.from")}</th>
                  <th scope="col">{t("review.communication")}</th>
                  <th scope="col" className="num">
                    {t("review.amount")}
                  </th>
                  <th scope="col">{t("review.action")}</th>
                </tr>
              </thead>
              <tbody>
                {review.map(({ line, invoiceNumber }) => (
                  <tr key={line.id}>
                    <td>{formatCalendarDate(line.bookingDate, intl)}</td>
                    <td>{line.counterpartyName ?? line.counterpartyIban ?? "—"}</td>
                    <td>
                      {line.structuredCommunication ?? line.freeText ?? "—"}
                      {line.status === "suggested" && invoiceNumber && (
                        <p className="muted">{t("review.suggested", { number: invoiceNumber })}</p>
                      )}
                    </td>
                    <td className="num">{formatMoney(line.amountCents, line.currency, intl)}</td>
                    <td>
                      <MatchLine
                        lineId={line.id}
                        suggestedInvoiceId={line.status === "suggested" ? line.invoiceId : null}
                        invoices={invoiceOptions}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t("overdue.title")}</h2>
        <p className="muted">{t("overdue.intro")}</p>
        {overdue.length === 0 ? (
          <p className="muted">{t("overdue.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t("overdue.invoice")}</th>
                  <th scope="col">{t("overdue.customer")}</th>
                  <th scope="col">{t("overdue.due")}</th>
                  <th scope="col" className="num">
                    {t("overdue.open")}
                  </th>
                  <th scope="col">{t("overdue.reminded")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("overdue.send")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {overdue.map((invoice) => (
                  <tr key={invoice.id}>
                    <td>
                      <Link href={`/documents/${invoice.id}`}>{invoice.number}</Link>
                    </td>
                    <td>{invoice.customerName ?? "—"}</td>
                    <td>
                      {formatCalendarDate(invoice.dueDate, intl)}
                      <p className="muted">
                        {t("overdue.days", { days: daysLate(invoice.dueDate, today) })}
                      </p>
                    </td>
                    <td className="num">
                      {formatMoney(amountDue(invoice), invoice.currency, intl)}
                    </td>
                    <td>
                      {invoice.lastReminderAt
                        ? t("overdue.remindedOn", {
                            count: invoice.reminders,
                            date: formatDateTime(invoice.lastReminderAt, intl),
                          })
                        : t("overdue.never")}
                    </td>
                    <td>
                      <ReminderButton invoiceId={invoice.id} label={invoice.number ?? ""} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="imports-title">
        <h2 id="imports-title">{t("imports.title")}</h2>
        <RefreshWhile active={imports.some((i) => i.status === "received")} />
        {imports.length === 0 ? (
          <p className="muted">{t("imports.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t("imports.date")}</th>
                  <th scope="col">{t("imports.file")}</th>
                  <th scope="col">{t("imports.result")}</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((i) => (
                  <tr key={i.id}>
                    <td>{formatDateTime(i.createdAt, intl)}</td>
                    <td>{i.filename}</td>
                    <td>
                      {i.status === "done"
                        ? t("imports.done", {
                            lines: i.lines,
                            newLines: i.newLines,
                            matched: i.matched,
                            suggested: i.suggested,
                            unmatched: i.unmatched,
                          })
                        : i.status === "failed"
                          ? t("imports.failed", {
                              error: t.has(`imports.errors.${i.error}`)
                                ? t(`imports.errors.${i.error}` as "imports.errors.empty")
                                : (i.error ?? ""),
                            })
                          : t("imports.received")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
