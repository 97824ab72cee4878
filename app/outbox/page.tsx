import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listOutbox } from "@/db/queries/emails";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

export default async function OutboxPage() {
  const [t, format, db] = await Promise.all([getTranslations("outbox"), getFormatter(), getDb()]);
  const emails = await listOutbox(db);
  return (
    <>
      <div className="page-header">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
        <p className="notice" role="note">
          {t("warning")}
        </p>
      </div>
      {emails.length === 0 ? (
        <p className="card muted">{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("to")}</th>
                <th scope="col">{t("subject")}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id} data-testid="outbox-row">
                  <td>
                    {format.dateTime(email.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                  </td>
                  <td>{email.toAddress}</td>
                  <td>
                    <Link href={`/outbox/${email.id}`}>{email.subject}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
