import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RefreshWhile } from "@/components/shopify/refresh-while";
import type { DocumentRow } from "@/db/queries/documents";
import type { PeppolSettings } from "@/db/queries/peppol-settings";
import type { PeppolTransmission } from "@/db/queries/peppol-transmissions";
import { peppolSendState } from "@/lib/documents/document-state";
import { belgianBuyerParticipant } from "@/lib/peppol/send/buyer-participant";
import { SendViaPeppolButton } from "./send-via-peppol-button";
import { TransmissionList } from "./transmission-list";

/**
 * The document page's Peppol card: every transmission with its status (queued,
 * delivered, rejected with the reason, email fallback) and "Send via Peppol" for an
 * issued Belgian B2B invoice or credit note once the Peppol app is active. Nothing for
 * documents Peppol does not concern. The page loads the document's transmissions and the
 * Peppol app's settings (null when the app is not active).
 */
export async function DocumentPeppolSection({
  document,
  transmissions,
  settings,
}: {
  document: DocumentRow;
  transmissions: PeppolTransmission[];
  settings: PeppolSettings | null;
}) {
  // An email fallback's "sent" is final; over Peppol, "sent" still waits for delivery.
  const waiting = transmissions.some(
    (row) => row.status === "queued" || (row.channel === "peppol" && row.status === "sent"),
  );
  const delivered = transmissions.some(
    (row) => row.channel === "peppol" && row.status === "delivered",
  );
  const peppol = peppolSendState(document, {
    active: settings !== null,
    registered: Boolean(settings?.senderId),
    buyerOnPeppol: belgianBuyerParticipant(document.customer) !== null,
    waiting,
    delivered,
  });
  if (!peppol.concerned && transmissions.length === 0) return null;
  const t = await getTranslations("peppol.transmissions");
  return (
    <section className="card" aria-labelledby="peppol-title">
      <h2 id="peppol-title">{t("title")}</h2>
      {transmissions.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <TransmissionList transmissions={transmissions} />
      )}
      {peppol.offerSend && <SendViaPeppolButton documentId={document.id} />}
      {peppol.askToRegister && (
        <p className="notice">
          {t("registerFirst")} <Link href="/apps/peppol">{t("registerLink")}</Link>
        </p>
      )}
      <RefreshWhile active={waiting} everyMs={1500} forMs={300_000} />
    </section>
  );
}
