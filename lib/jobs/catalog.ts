import { importBankStatementJob } from "@/lib/bank/import-statement-job";
import { refreshPeppolOutcomesJob } from "@/lib/peppol/send/refresh-peppol-outcomes-job";
import { sendOverPeppolJob } from "@/lib/peppol/send/send-over-peppol-job";
import { syncOnlinePaymentJob } from "@/lib/payments/online/sync-online-payment-job";
import { disconnectShopifyJob } from "@/lib/shopify/connection/disconnect-job";
import { finishShopifyInstallJob } from "@/lib/shopify/connection/finish-install-job";
import { importShopifyOrdersJob } from "@/lib/shopify/order-sync/import-orders-job";
import { reconcileShopifyJob } from "@/lib/shopify/order-sync/reconcile-job";
import { processShopifyDeliveryJob } from "@/lib/shopify/webhooks/process-delivery-job";
import type { JobDefinition } from "./define-job";
import { sendDocumentJob } from "./send-document-job";
import { sendEmailJob } from "./send-email-job";

/** Every job the worker runs. Later capabilities add theirs here. */
export const allJobs: readonly JobDefinition[] = [
  sendEmailJob,
  sendDocumentJob,
  finishShopifyInstallJob,
  disconnectShopifyJob,
  processShopifyDeliveryJob,
  importShopifyOrdersJob,
  reconcileShopifyJob,
  importBankStatementJob,
  sendOverPeppolJob,
  refreshPeppolOutcomesJob,
  syncOnlinePaymentJob,
];
