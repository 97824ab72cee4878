import { useFormatter, useTranslations } from "next-intl";
import type { PeppolTransmission } from "@/db/queries/peppol-transmissions";

const KNOWN_REASONS = [
  "not_on_peppol",
  "not_on_peppol_no_email",
  "buyer_not_on_peppol",
  "not_registered",
  "not_configured",
  "not_b2b",
  "document_missing",
] as const;

const isKnownReason = (reason: string): reason is (typeof KNOWN_REASONS)[number] =>
  (KNOWN_REASONS as readonly string[]).includes(reason);

/**
 * Each attempt to deliver the document over Peppol, newest first, in the merchant's
 * words: the status, the reason, the official rules a refused UBL failed (explained
 * for the common ones, the rule's own sentence otherwise) and the buyer's look-ups.
 */
export function TransmissionList({ transmissions }: { transmissions: PeppolTransmission[] }) {
  const t = useTranslations("peppol.transmissions");
  const tRules = useTranslations("peppol.rules");
  const format = useFormatter();
  const reasonText = (reason: string) =>
    isKnownReason(reason) ? t(`reasons.${reason}`) : t("reasons.other", { reason });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
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
              {when(row.updatedAt)}
            </time>
            {row.status === "invalid" && row.failures ? (
              <div className="notice" data-testid="peppol-failures">
                <p>{t("invalidIntro")}</p>
                <ul>
                  {row.failures.map((failure) => (
                    <li key={`${failure.rule}:${failure.location}`}>
                      <strong>{t("rule", { rule: failure.rule })}</strong>:{" "}
                      {tRules.has(failure.rule) ? tRules(failure.rule) : failure.message}
                      {tRules.has(failure.rule) && <div className="muted">{failure.message}</div>}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              row.reason && (
                <div className={row.channel === "email" ? "muted" : "notice"}>
                  {reasonText(row.reason)}
                </div>
              )
            )}
            {row.status === "not_found" && row.nextLookupAt && (
              <div className="muted">
                {t("lookups", { count: row.lookups, date: when(row.nextLookupAt) })}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
