import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { JobContext } from "@/lib/jobs/job-handler";
import {
  bancontactCallbackId,
  mollieWebhookId,
  receivePaymentNotification,
} from "./receive-payment-notification";
import { syncOnlinePaymentHandler } from "@/lib/payments/jobs/sync-online-payment.handler";

/**
 * Tests' stand-in for Facturo's two notification routes: the same parsing and
 * lookup as app/api/payments/**, with the queue replaced by running the job at once
 * (so a test sees the result as soon as the provider's call returns).
 */
export async function startNotificationReceiver(context: () => JobContext) {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const mollie = req.url === "/api/payments/mollie/webhook";
      const id = mollie ? mollieWebhookId(body) : bancontactCallbackId(body);
      const ctx = context();
      receivePaymentNotification(
        {
          db: ctx.db,
          enqueueSync: (provider, providerPaymentId) =>
            syncOnlinePaymentHandler.run({ provider, providerPaymentId }, ctx),
        },
        mollie ? "mollie" : "bancontact",
        id,
      ).then(
        (result) => res.writeHead(result.status).end(),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  return {
    appUrl: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
