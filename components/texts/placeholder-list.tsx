import { useTranslations } from "next-intl";
import { textPlaceholders } from "@/lib/documents/resolve-texts";
import styles from "./texts.module.css";

/** The placeholders a text may use, each with what it becomes. */
export function PlaceholderList() {
  const t = useTranslations("texts");
  return (
    <section className="card" aria-labelledby="placeholders-title">
      <h2 id="placeholders-title">{t("placeholdersTitle")}</h2>
      <p className="muted">{t("placeholdersIntro")}</p>
      <dl className={styles.placeholders}>
        {textPlaceholders.map((name) => (
          <div key={name} style={{ display: "contents" }}>
            <dt>{`{${name}}`}</dt>
            <dd>{t(`placeholders.${name}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
