import { getTranslations } from "next-intl/server";
import { RefreshWhile } from "@/components/shopify/refresh-while";
import type { DocumentRow } from "@/db/queries/documents";
import type { PeppolSettings } from "@/db/queries/peppol-settings";
import type { PeppolTransmission } from "@/db/queries/peppol-transmissions";
import { peppolDocumentStatus } from "@/lib/peppol/send/peppol-status";
import { RegisterButton } from "./register-button";
import { SendViaPeppolButton } from "./send-via-peppol-button";
import { TransmissionList } from "./transmission-list";

/**
 * The document page's Peppol card for an issued Belgian B2B invoice or credit note (Peppol
 * first): where it stands (lib/peppol/send/peppol-status.ts), every transmission with its
 * status and reason in words (the failed rules, the look-ups), and what the merchant can
 * do: register on Peppol in one click (the app is activated too), send it, or look the
 * buyer up again. Older transmissions (email fallbacks) still show on other documents.
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
  const status = peppolDocumentStatus(document, transmissions[0] ?? null);
  if (status === null && transmissions.length === 0) return null;
  const t = await getTranslations("peppol.transmissions");
  const registered = Boolean(settings?.senderId);
  const waiting = status === "on_its_way";
  const canSend =
    registered &&
    status !== null &&
    ["not_sent", "invalid", "not_on_peppol", "rejected", "failed"].includes(status);
  return (
    <section className="card" aria-labelledby="peppol-title" data-peppol-status={status ?? ""}>
      <h2 id="peppol-title">{t("title")}</h2>
      {transmissions.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <TransmissionList transmissions={transmissions} />
      )}
      {status !== null && !registered && (
        <div className="notice" id="peppol-register">
          <p>{t("registerFirst")}</p>
          <RegisterButton activate />
        </div>
      )}
      {canSend && <SendViaPeppolButton documentId={document.id} />}
      {registered && status === "not_found" && (
        <SendViaPeppolButton documentId={document.id} retry />
      )}
      <RefreshWhile active={waiting} everyMs={1500} forMs={300_000} />
    </section>
  );
}
