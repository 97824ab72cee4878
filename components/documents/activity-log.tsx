import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import { gatewayLabel } from "@/lib/shopify/order-sync/order-settings";
import { paymentMethods, type PaymentMethod } from "@/db/schema/payments";
import styles from "./documents.module.css";
import { belgianLocale } from "./format";

interface EventRow {
  id: string;
  kind: string;
  details: Record<string, unknown>;
  createdAt: Date;
}

const isPaymentMethod = (value: unknown): value is PaymentMethod =>
  (paymentMethods as readonly unknown[]).includes(value);

const text = (value: unknown) => (typeof value === "string" && value ? value : null);

/**
 * The document's history in the merchant's words (document_event rows, oldest first).
 * Amounts are in the document's currency, formatted like every other amount.
 */
export function ActivityLog({ events, currency }: { events: EventRow[]; currency: string }) {
  const t = useTranslations("documents.events");
  const tMethods = useTranslations("documents.methods");
  const tReasons = useTranslations("peppol.transmissions.reasons");
  const format = useFormatter();
  const intl = belgianLocale(useLocale());
  const money = (cents: number) => formatMoney(cents, currency, intl);
  const methodOf = (details: Record<string, unknown>) =>
    isPaymentMethod(details.method) ? tMethods(details.method) : tMethods("manual");
  const describe = (event: EventRow): string => {
    const { details } = event;
    switch (event.kind) {
      case "created": {
        const name = text(details.sourceName);
        return details.source === "shopify" && name ? t("createdFrom", { name }) : t("created");
      }
      case "finalised":
        return t("finalised", { number: text(details.number) ?? "" });
      case "send_queued": {
        const to = text(details.to);
        return to ? t("send_queued", { to }) : t("sent");
      }
      case "sent": {
        const to = text(details.to);
        return to ? t("sentTo", { to }) : t("sent");
      }
      case "peppol_queued":
      case "peppol_sent":
      case "peppol_not_found":
        return t(event.kind, { to: text(details.to) ?? "" });
      case "peppol_invalid":
        return t(event.kind, { reason: text(details.reason) ?? "—" });
      case "peppol_rejected":
      case "peppol_failed": {
        // Our own failure codes have words; a receiver's reason is shown as it came.
        const reason = text(details.reason) ?? "—";
        return t(event.kind, { reason: tReasons.has(reason) ? tReasons(reason) : reason });
      }
      case "peppol_delivered":
      case "peppol_email_fallback":
      case "peppol_waiting":
        return t(event.kind);
      case "reminder_queued":
      case "reminder_sent":
        return t(event.kind, { to: text(details.to) ?? "" });
      case "paid":
        if (details.method === "shopify")
          return t("paidShopify", { gateway: gatewayLabel(text(details.reference)) });
        return typeof details.amountCents === "number"
          ? t("paidAmount", { amount: money(details.amountCents), method: methodOf(details) })
          : t("paid");
      case "payment_undone":
        return t("payment_undone", {
          amount: typeof details.amountCents === "number" ? money(details.amountCents) : "",
        });
      case "edited":
      case "send_failed":
      case "cancelled":
      case "credited":
      case "shopify_cancelled":
      case "shopify_mapping":
      case "shopify_totals_mismatch":
      case "shopify_vat_difference":
        return t(event.kind);
      default:
        return t("other");
    }
  };
  return (
    <ol className={styles.activity}>
      {events.map((event) => (
        <li key={event.id}>
          <time dateTime={event.createdAt.toISOString()}>
            {format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}
          </time>
          {describe(event)}
        </li>
      ))}
    </ol>
  );
}
