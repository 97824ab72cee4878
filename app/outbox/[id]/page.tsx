import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { LinkedText } from "@/components/outbox/linked-text";
import { getOutboxEmail } from "@/db/queries/emails";
import { openOutboxLinkMarkers } from "@/lib/auth/sign-in-link";
import { getConfig } from "@/lib/config/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

export default async function OutboxEmailPage({ params }: PageProps<"/outbox/[id]">) {
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const [t, db] = await Promise.all([getTranslations("outbox"), getDb()]);
  const email = await getOutboxEmail(db, id);
  if (!email) notFound();
  return (
    <>
      <div className="page-header">
        <Link href="/outbox">← {t("title")}</Link>
        <h1>{email.subject}</h1>
        <p>
          {t("to")}: {email.toAddress} · {email.fromAddress}
        </p>
      </div>
      <pre className="email-text" data-testid="email-text">
        {/* A sign-in email is stored with its link sealed: opened here, for the outbox's reader only. */}
        <LinkedText text={openOutboxLinkMarkers(email.text, getConfig().ENCRYPTION_KEY)} />
      </pre>
      {email.attachments.length > 0 && (
        <p>
          {t("attachments")}: {email.attachments.map((a) => a.filename).join(", ")}
        </p>
      )}
    </>
  );
}
