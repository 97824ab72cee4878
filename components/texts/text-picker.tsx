import { useTranslations } from "next-intl";
import type { PaymentState } from "@/lib/documents/default-texts";
import { documentTypes, type DocumentType } from "@/lib/documents/document-lifecycle";
import styles from "./texts.module.css";

/** Which texts to edit: a plain GET form, so it works with the keyboard and without script. */
export function TextPicker(props: { documentType: DocumentType; paymentState: PaymentState }) {
  const t = useTranslations("texts");
  const td = useTranslations("documents");
  return (
    <form method="get" className={`card ${styles.picker}`} aria-label={t("pickerLabel")}>
      <div className="field">
        <label htmlFor="texts-type">{t("documentType")}</label>
        <select id="texts-type" name="type" defaultValue={props.documentType}>
          {documentTypes.map((type) => (
            <option key={type} value={type}>
              {td(`types.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className={styles.stateField}>
        <legend>{t("paymentState")}</legend>
        <div className={styles.stateChoice}>
          {(["unpaid", "paid"] as const).map((state) => (
            <label key={state}>
              <input
                type="radio"
                name="state"
                value={state}
                defaultChecked={props.paymentState === state}
              />
              {t(`states.${state}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="btn btn-primary">
        {t("show")}
      </button>
    </form>
  );
}
