import { useTranslations } from "next-intl";
import type { DocumentStatus } from "@/lib/documents/document-lifecycle";
import styles from "./documents.module.css";

export function StatusBadge({ status }: { status: DocumentStatus }) {
  const t = useTranslations("documents.statuses");
  return <span className={`${styles.status} ${styles[`status-${status}`]}`}>{t(status)}</span>;
}
