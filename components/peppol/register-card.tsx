import { getTranslations } from "next-intl/server";
import { RegisterButton } from "./register-button";

/**
 * "Register on Peppol", asked where the merchant lands after onboarding (the document
 * list of a new company) and wherever Belgian businesses' invoices wait for it. One
 * click activates the Peppol app and registers the company; waiting invoices then go.
 */
export async function PeppolRegisterCard({ waiting }: { waiting: number }) {
  const t = await getTranslations("peppol.ask");
  return (
    <section className="card notice" aria-labelledby="peppol-ask-title" id="peppol-ask">
      <h2 id="peppol-ask-title">{t("title")}</h2>
      <p>{t("text")}</p>
      {waiting > 0 && <p>{t("waiting", { count: waiting })}</p>}
      <RegisterButton activate />
    </section>
  );
}
