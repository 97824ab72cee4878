"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOrg } from "@/app/_server/context";
import { getRequestLogger } from "@/app/_server/request-logger";
import { getPeppolSettings } from "@/db/queries/peppol-settings";
import { getConfig } from "@/lib/config/env";
import { getQueue } from "@/app/_server/queue";
import { queuePeppolSend } from "@/lib/peppol/send/queue-peppol-send";
import { registerPeppolSender } from "@/lib/peppol/register-peppol-sender";
import { accessPointFromConfig } from "@/lib/peppol/transport";

type Result = { ok: true } | { ok: false; error: string };

/**
 * Registers the merchant at the access point once; the id it gets is kept in the app's
 * settings. From a document or onboarding (`activate`), the Peppol app is switched on first.
 */
export async function registerOnPeppol(activate = false): Promise<Result> {
  const { db, tenant } = await requireOrg();
  const result = await registerPeppolSender(db, tenant, {
    accessPoint: accessPointFromConfig(getConfig()),
    queue: await getQueue(),
    activate: activate === true,
  });
  if (!result.ok) {
    if (result.cause)
      (await getRequestLogger()).error({ err: result.cause }, "Peppol registration failed");
    return { ok: false, error: result.error };
  }
  revalidatePath("/apps/peppol");
  revalidatePath("/documents", "layout");
  return { ok: true };
}

/** The document page's "Send via Peppol". */
export async function sendViaPeppol(documentId: string): Promise<Result> {
  const { db, tenant } = await requireOrg();
  if (!z.string().uuid().safeParse(documentId).success) {
    return { ok: false, error: "send.errors.not_found" };
  }
  if (!(await getPeppolSettings(db, tenant)))
    return { ok: false, error: "send.errors.app_inactive" };
  const result = await queuePeppolSend(db, tenant, documentId, await getQueue());
  revalidatePath(`/documents/${documentId}`);
  return result.queued ? { ok: true } : { ok: false, error: `send.errors.${result.reason}` };
}
