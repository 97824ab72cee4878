import { useFormatter, useTranslations } from "next-intl";
import type { DocumentOriginalInfo } from "@/db/queries/document-originals";

/**
 * What is kept of an issued document (lib/documents/originals): each stored file with
 * when it was stored, its size and its SHA-256, so the merchant (or their accountant)
 * can check a copy against it.
 */
export function DocumentOriginals({ originals }: { originals: readonly DocumentOriginalInfo[] }) {
  const t = useTranslations("originals");
  const format = useFormatter();
  return (
    <section className="card" aria-labelledby="originals-title">
      <h2 id="originals-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      {originals.length === 0 ? (
        <p>{t("waiting")}</p>
      ) : (
        <div className="table-wrap">
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t("file")}</th>
                <th scope="col">{t("storedAt")}</th>
                <th scope="col">{t("size")}</th>
                <th scope="col">{t("fingerprint")}</th>
              </tr>
            </thead>
            <tbody>
              {originals.map((original) => (
                <tr key={original.id}>
                  <td>{t(`kinds.${original.kind}`)}</td>
                  <td>
                    <time dateTime={original.createdAt.toISOString()}>
                      {format.dateTime(original.createdAt, {
                        dateStyle: "medium",
                        timeStyle: "medium",
                      })}
                    </time>
                  </td>
                  <td>{format.number(original.size / 1024, { maximumFractionDigits: 1 })} kB</td>
                  <td>
                    <code style={{ overflowWrap: "anywhere" }}>{original.sha256}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
