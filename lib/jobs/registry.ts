import { sendSignInEmailJob } from "@/lib/auth/jobs/send-sign-in-email.job";
import { importBankStatementJob } from "@/lib/bank/jobs/import-statement.job";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import { storeOriginalsJob } from "@/lib/documents/jobs/store-originals.job";
import { sendEmailJob } from "@/lib/email/jobs/send-email.job";
import { syncOnlinePaymentJob } from "@/lib/payments/jobs/sync-online-payment.job";
import { refreshPeppolOutcomesJob } from "@/lib/peppol/jobs/refresh-peppol-outcomes.job";
import { sendOverPeppolJob } from "@/lib/peppol/jobs/send-over-peppol.job";
import { disconnectShopifyJob } from "@/lib/shopify/jobs/disconnect.job";
import { finishShopifyInstallJob } from "@/lib/shopify/jobs/finish-install.job";
import { importShopifyOrdersJob } from "@/lib/shopify/jobs/import-orders.job";
import { processShopifyDeliveryJob } from "@/lib/shopify/jobs/process-delivery.job";
import { reconcileShopifyJob } from "@/lib/shopify/jobs/reconcile.job";
import type { JobDefinition } from "./define-job";
import { lazyJob, type JobRegistration } from "./worker";

/**
 * Every job the worker runs, each with its handler, imported on the job's first run.
 * Worker-only: the worker entry points (app/_server/run-worker.ts, `facturo worker`)
 * and tests import this module, nothing else does (a lint rule says so), so code that
 * enqueues never loads a handler. A new job adds its line here.
 */
export const jobRegistry: readonly JobRegistration[] = [
  lazyJob(
    sendSignInEmailJob,
    async () => (await import("@/lib/auth/jobs/send-sign-in-email.handler")).sendSignInEmailHandler,
  ),
  lazyJob(
    sendEmailJob,
    async () => (await import("@/lib/email/jobs/send-email.handler")).sendEmailHandler,
  ),
  lazyJob(
    sendDocumentJob,
    async () => (await import("@/lib/documents/jobs/send-document.handler")).sendDocumentHandler,
  ),
  lazyJob(
    storeOriginalsJob,
    async () =>
      (await import("@/lib/documents/jobs/store-originals.handler")).storeOriginalsHandler,
  ),
  lazyJob(
    finishShopifyInstallJob,
    async () =>
      (await import("@/lib/shopify/jobs/finish-install.handler")).finishShopifyInstallHandler,
  ),
  lazyJob(
    disconnectShopifyJob,
    async () => (await import("@/lib/shopify/jobs/disconnect.handler")).disconnectShopifyHandler,
  ),
  lazyJob(
    processShopifyDeliveryJob,
    async () =>
      (await import("@/lib/shopify/jobs/process-delivery.handler")).processShopifyDeliveryHandler,
  ),
  lazyJob(
    importShopifyOrdersJob,
    async () =>
      (await import("@/lib/shopify/jobs/import-orders.handler")).importShopifyOrdersHandler,
  ),
  lazyJob(
    reconcileShopifyJob,
    async () => (await import("@/lib/shopify/jobs/reconcile.handler")).reconcileShopifyHandler,
  ),
  lazyJob(
    importBankStatementJob,
    async () =>
      (await import("@/lib/bank/jobs/import-statement.handler")).importBankStatementHandler,
  ),
  lazyJob(
    sendOverPeppolJob,
    async () => (await import("@/lib/peppol/jobs/send-over-peppol.handler")).sendOverPeppolHandler,
  ),
  lazyJob(
    refreshPeppolOutcomesJob,
    async () =>
      (await import("@/lib/peppol/jobs/refresh-peppol-outcomes.handler"))
        .refreshPeppolOutcomesHandler,
  ),
  lazyJob(
    syncOnlinePaymentJob,
    async () =>
      (await import("@/lib/payments/jobs/sync-online-payment.handler")).syncOnlinePaymentHandler,
  ),
];

/** The registrations of these definitions, for a worker that runs only some jobs (tests). */
export function registrationsOf(jobs: readonly JobDefinition[]): JobRegistration[] {
  return jobs.map((job) => {
    const found = jobRegistry.find((registration) => registration.job === job);
    if (!found) throw new Error(`${job.name} is not in the job registry`);
    return found;
  });
}
