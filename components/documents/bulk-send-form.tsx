"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { sendSelectedDocuments } from "@/app/(dashboard)/documents/actions";
import styles from "./documents.module.css";

export const BULK_SEND_FORM_ID = "bulk-send";

/**
 * "Send selected": the list's concept checkboxes belong to this form through their
 * `form` attribute, so the table stays a server component.
 */
export function BulkSendForm() {
  const t = useTranslations("documents");
  const tAll = useTranslations();
  const [pending, startTransition] = useTransition();
  const submit = (formData: FormData) =>
    startTransition(async () => {
      if (formData.getAll("ids").length === 0) {
        toast.error(t("bulk.noneSelected"));
        return;
      }
      const result = await sendSelectedDocuments(formData);
      if (!result.ok) {
        toast.error(tAll(result.formError ?? "common.error"));
        return;
      }
      const { queued, missingEmail, notConcept, overDailyLimit, dailyLimit, newOrganisation } =
        result.data ?? {
          queued: 0,
          missingEmail: 0,
          notConcept: 0,
          overDailyLimit: 0,
          dailyLimit: 0,
          newOrganisation: false,
        };
      if (queued > 0) toast.success(t("bulk.queued", { count: queued }));
      if (missingEmail > 0)
        toast.error(t("bulk.missingEmail", { count: missingEmail }), { duration: 10_000 });
      if (notConcept > 0) toast.warning(t("bulk.notConcept", { count: notConcept }));
      if (overDailyLimit > 0)
        toast.error(
          t("bulk.overDailyLimit", {
            count: overDailyLimit,
            limit: dailyLimit,
            isNew: newOrganisation ? "yes" : "no",
          }),
          { duration: 15_000 },
        );
    });
  return (
    <form id={BULK_SEND_FORM_ID} action={submit} className={styles.bulkBar}>
      <button type="submit" className="btn btn-green" disabled={pending}>
        {pending ? t("bulk.sending") : t("bulk.sendSelected")}
      </button>
      <p>{t("bulk.hint")}</p>
    </form>
  );
}
