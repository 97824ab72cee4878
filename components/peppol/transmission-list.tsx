import { useFormatter, useTranslations } from "next-intl";
import type { PeppolTransmission } from "@/db/queries/peppol-transmissions";

const KNOWN_REASONS = [
  "not_on_peppol",
  "not_on_peppol_no_email",
  "not_registered",
  "not_configured",
  "not_b2b",
  "document_missing",
] as const;

const isKnownReason = (reason: string): reason is (typeof KNOWN_REASONS)[number] =>
  (KNOWN_REASONS as readonly string[]).includes(reason);

/** Each attempt to deliver the document electronically, newest first, in the merchant's words. */
export function TransmissionList({ transmissions }: { transmissions: PeppolTransmission[] }) {
  const t = useTranslations("peppol.transmissions");
  const format = useFormatter();
  const reasonText = (reason: string) =>
    isKnownReason(reason) ? t(`reasons.${reason}`) : t("reasons.other", { reason });
  return (
    <ul className="peppol-transmissions" style={{ listStyle: "none", padding: 0 }}>
      {transmissions.map((row) => {
        const status =
          row.channel === "email" && row.status === "sent"
            ? t("emailSent")
            : t(`statuses.${row.status}`);
        return (
          <li key={row.id} data-testid="peppol-transmission" data-status={row.status}>
            <strong>{t(`channels.${row.channel}`)}</strong>: {status}
            {row.receiverId &&
              row.channel === "peppol" &&
              ` ${t("to", { id: row.receiverId })}`}{" "}
            <time className="muted" dateTime={row.updatedAt.toISOString()}>
              {format.dateTime(row.updatedAt, { dateStyle: "medium", timeStyle: "short" })}
            </time>
            {row.reason && (
              <div className={row.channel === "email" ? "muted" : "notice"}>
                {reasonText(row.reason)}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
