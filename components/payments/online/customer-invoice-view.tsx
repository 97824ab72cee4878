import type { CustomerInvoice } from "@/lib/payments/customer-page/load-customer-invoice";
import styles from "./customer-invoice.module.css";
import { RefreshEvery } from "./refresh-every";

/**
 * The customer's invoice page (public, no login), in the invoice's language: what
 * is due, the PDF, and every way to pay it. A paid invoice only says thank you.
 */
export function CustomerInvoiceView({
  invoice,
  pdfUrl,
  returningFrom,
  returnedUnpaid = false,
  onlineUnavailable = false,
}: {
  invoice: CustomerInvoice;
  pdfUrl: string;
  returningFrom: string | null;
  /** The payment the customer comes back from was cancelled, refused or expired. */
  returnedUnpaid?: boolean;
  /** The provider could not make a payment just now (the stable link fell back here). */
  onlineUnavailable?: boolean;
}) {
  const { model, labels: l, status, bancontact } = invoice;
  const pl = model.labels;
  const payment = model.payment;
  const payable = status === "to_pay" || status === "partially_paid";
  // Waiting for a provider's confirmation, or a live QR code that may be scanned any moment.
  const refresh =
    payable &&
    ((returningFrom !== null && !returnedUnpaid) || (bancontact && "deeplink" in bancontact));
  const statusText =
    status === "paid"
      ? l.statusPaid
      : status === "partially_paid"
        ? l.statusPartiallyPaid
        : l.statusToPay;

  return (
    <main className={styles.page} lang={model.language}>
      {refresh && <RefreshEvery seconds={4} forMinutes={15} />}
      <div className={styles.header}>
        <div>
          <p className="muted">
            {l.from} {model.seller.name}
          </p>
          <h1>
            {model.title} {model.numberText}
          </h1>
        </div>
        {status && (
          <span
            className={`${styles.status} ${status === "paid" ? styles.statusPaid : ""}`}
            data-testid="invoice-status"
            data-status={status}
          >
            {statusText}
          </span>
        )}
      </div>

      <section className="card" aria-labelledby="summary-title">
        <h2 id="summary-title" className="visually-hidden">
          {model.title}
        </h2>
        {status === "paid" ? (
          <p className={styles.thanks} role="status">
            {l.paidThanks}
          </p>
        ) : payment ? (
          <>
            <p className="muted">{pl.amountDue}</p>
            <p className={styles.amount}>{payment.amountDue}</p>
          </>
        ) : null}
        <dl className={styles.facts}>
          <dt>{pl.total}</dt>
          <dd>{model.totals.total}</dd>
          {model.totals.paid && (
            <>
              <dt>{pl.paid}</dt>
              <dd>{model.totals.paid}</dd>
            </>
          )}
          <dt>{pl.issueDate}</dt>
          <dd>{model.issueDate}</dd>
          {model.dueDate && payable && (
            <>
              <dt>{pl.dueDate}</dt>
              <dd>{model.dueDate}</dd>
            </>
          )}
        </dl>
        <p style={{ marginTop: "1rem" }}>
          <a className="btn" href={pdfUrl} download>
            {l.downloadPdf}
          </a>
        </p>
      </section>

      {payable && onlineUnavailable && (
        <p className="alert" role="alert">
          {l.onlineUnavailable}
        </p>
      )}

      {payable && returningFrom && !returnedUnpaid && (
        <p className="notice" role="status">
          {l.waiting}
        </p>
      )}
      {payable && returningFrom && returnedUnpaid && (
        <p className="alert" role="alert">
          {l.notCompleted}
        </p>
      )}

      {payable && payment && (
        <section aria-labelledby="pay-title">
          <h2 id="pay-title">{l.waysToPay}</h2>

          {invoice.mollieUrl && (
            <div className="card" data-testid="pay-mollie">
              <h3 className={styles.wayTitle}>{l.payOnline}</h3>
              <p className="muted">{l.payOnlineHint}</p>
              <a className="btn btn-primary" href={invoice.mollieUrl}>
                {l.payOnline} · {payment.amountDue}
              </a>
            </div>
          )}

          {bancontact && (
            <div className="card" data-testid="pay-bancontact">
              <h3 className={styles.wayTitle}>{l.bancontactTitle}</h3>
              {"deeplink" in bancontact ? (
                <div className={styles.way}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
                  <img
                    className={styles.qr}
                    src={bancontact.qrPngDataUrl}
                    alt={`${l.qrAlt}: ${l.bancontactTitle}`}
                    data-deeplink={bancontact.deeplink}
                  />
                  <div>
                    <p>{l.bancontactHint}</p>
                    <p>
                      <a className="btn" href={bancontact.deeplink}>
                        {l.openInApp}
                      </a>
                    </p>
                    {bancontact.validUntil && (
                      <p className="muted">
                        {l.validUntil.replace("{time}", bancontact.validUntil)}
                      </p>
                    )}
                  </div>
                </div>
              ) : (
                <p>
                  <a href={bancontact.retryUrl}>{l.bancontactRetry}</a>
                </p>
              )}
            </div>
          )}

          <div className="card" data-testid="pay-transfer">
            <h3 className={styles.wayTitle}>{l.transferTitle}</h3>
            <div className={styles.way}>
              {payment.qrCode && (
                /* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */
                <img
                  className={styles.qr}
                  src={payment.qrCode.pngDataUrl}
                  alt={`${l.qrAlt}: ${l.transferTitle}`}
                />
              )}
              <div>
                <p className="muted">{l.transferHint}</p>
                <dl className={styles.facts}>
                  <dt>{l.beneficiary}</dt>
                  <dd>{model.seller.name}</dd>
                  {payment.iban && (
                    <>
                      <dt>{pl.iban}</dt>
                      <dd>{payment.iban}</dd>
                    </>
                  )}
                  {payment.bic && (
                    <>
                      <dt>{pl.bic}</dt>
                      <dd>{payment.bic}</dd>
                    </>
                  )}
                  <dt>{pl.amountDue}</dt>
                  <dd>{payment.amountDue}</dd>
                  {payment.structuredCommunication && (
                    <>
                      <dt>{pl.structuredCommunication}</dt>
                      <dd className={styles.ogm}>{payment.structuredCommunication}</dd>
                    </>
                  )}
                </dl>
              </div>
            </div>
          </div>
        </section>
      )}
    </main>
  );
}
