import { useTranslations } from "next-intl";
import type { ShopifyDeliveryStatus } from "@/db/schema";
import styles from "./inbox.module.css";

/** Done / Skipped / Needs attention / Waiting, in the merchant's words. */
export function DeliveryStatusBadge({ status }: { status: ShopifyDeliveryStatus }) {
  const t = useTranslations("shopifyInbox.statuses");
  return <span className={`${styles.status} ${styles[`status-${status}`]}`}>{t(status)}</span>;
}
