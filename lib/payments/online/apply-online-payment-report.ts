import type { Db } from "@/db/client";
import {
  lockOnlinePayment,
  updateOnlinePayment,
  type OnlinePayment,
} from "@/db/queries/online-payments";
import type { OnlinePaymentStatus } from "@/db/schema";
import type { Tenant } from "@/db/tenant";
import type { Clock } from "@/lib/calendar/clock";
import { laterStatus } from "./online-payment-status";

export interface OnlinePaymentReport {
  status: OnlinePaymentStatus;
  paidAt?: Date | null;
  paidMethod?: string | null;
  expiresAt?: Date | null;
}

export interface ApplyOnlinePaymentReportInput {
  /** Facturo's online payment row (not the provider's id). */
  onlinePaymentId: string;
  report: OnlinePaymentReport;
}

/**
 * Applies a provider's report under a row lock, the status only moving forward
 * (`laterStatus`); returns the row as it now stands, or null when it is not this
 * tenant's. One transaction.
 */
export async function applyOnlinePaymentReport(
  db: Db,
  t: Tenant,
  input: ApplyOnlinePaymentReportInput,
  clock: Clock,
): Promise<OnlinePayment | null> {
  const { onlinePaymentId: id, report } = input;
  const now = clock.now();
  return db.transaction(async (tx) => {
    const row = await lockOnlinePayment(tx, t, id);
    if (!row) return null;
    const status = laterStatus(row.status, report.status);
    if (status === row.status && !(status === "paid" && !row.paidAt)) return row;
    const updated = await updateOnlinePayment(tx, t, id, {
      status,
      updatedAt: now,
      ...(status === "paid"
        ? { paidAt: report.paidAt ?? now, paidMethod: report.paidMethod ?? null }
        : {}),
      ...(report.expiresAt !== undefined && status !== "paid"
        ? { expiresAt: report.expiresAt }
        : {}),
    });
    return updated ?? row;
  });
}
