"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { cancelDocument, deleteDocument, sendDocuments } from "@/app/(dashboard)/documents/actions";
import styles from "./documents.module.css";

type Confirming = "delete" | "cancel" | null;

/** A concept's buttons: Edit, Send, Delete and Cancel (both asked twice, inline). */
export function ConceptActions({ documentId, canSend }: { documentId: string; canSend: boolean }) {
  const t = useTranslations("documents");
  const tAll = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState<Confirming>(null);

  const send = () =>
    startTransition(async () => {
      const result = await sendDocuments([documentId]);
      if (!result.ok) return void toast.error(tAll(result.formError ?? "common.error"));
      if (result.data?.queued) toast.success(t("detail.sent"));
      else if (result.data?.missingEmail)
        toast.error(t("errors.missingEmail"), { duration: 10_000 });
      else if (result.data?.overDailyLimit)
        toast.error(t("errors.overDailyLimit", { limit: result.data.dailyLimit }), {
          duration: 15_000,
        });
      else toast.error(t("errors.notConcept"));
      router.refresh();
    });

  const confirm = () =>
    startTransition(async () => {
      const result = await (confirming === "delete" ? deleteDocument : cancelDocument)(documentId);
      if (!result.ok) {
        toast.error(tAll(result.formError ?? "common.error"));
        setConfirming(null);
        router.refresh();
        return;
      }
      if (confirming === "delete") {
        toast.success(t("detail.deleted"));
        router.push("/documents");
      } else {
        toast.success(t("detail.cancelled"));
        setConfirming(null);
        router.refresh();
      }
    });

  return (
    <div className={styles.actions}>
      <Link href={`/documents/${documentId}/edit`} className="btn btn-yellow">
        {t("detail.edit")}
      </Link>
      <button
        type="button"
        className="btn btn-green"
        onClick={send}
        disabled={pending}
        aria-describedby={canSend ? undefined : "send-blocked"}
      >
        {pending && confirming === null ? t("detail.sending") : t("detail.send")}
      </button>
      <button
        type="button"
        className="btn-link"
        onClick={() => setConfirming("delete")}
        disabled={pending}
        aria-expanded={confirming === "delete"}
      >
        {t("detail.delete")}
      </button>
      <button
        type="button"
        className="btn-link"
        onClick={() => setConfirming("cancel")}
        disabled={pending}
        aria-expanded={confirming === "cancel"}
      >
        {t("detail.cancel")}
      </button>
      {confirming && (
        <div className={styles.confirm} role="alertdialog" aria-labelledby="confirm-question">
          <p id="confirm-question">
            {t(confirming === "delete" ? "detail.deleteConfirm" : "detail.cancelConfirm")}
          </p>
          <button
            type="button"
            className="btn"
            style={{ borderColor: "var(--danger)", color: "var(--danger)" }}
            onClick={confirm}
            disabled={pending}
            autoFocus
          >
            {t(confirming === "delete" ? "detail.deleteYes" : "detail.cancelYes")}
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(null)}>
            {t("detail.keep")}
          </button>
        </div>
      )}
    </div>
  );
}

/** A sent document: send it again (the customer lost the email). */
export function SendAgainButton({ documentId }: { documentId: string }) {
  const t = useTranslations("documents");
  const tAll = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="btn"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await sendDocuments([documentId]);
          if (!result.ok) return void toast.error(tAll(result.formError ?? "common.error"));
          if (result.data?.queued) toast.success(t("detail.sent"));
          else if (result.data?.missingEmail) toast.error(t("detail.noEmail"));
          else if (result.data?.overDailyLimit)
            toast.error(t("errors.overDailyLimit", { limit: result.data.dailyLimit }));
          else toast.error(t("errors.notSendable"));
          router.refresh();
        })
      }
    >
      {pending ? t("detail.sending") : t("detail.sendAgain")}
    </button>
  );
}
