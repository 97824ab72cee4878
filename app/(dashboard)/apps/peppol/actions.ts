"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOrg } from "@/app/_server/context";
import { getRequestLogger } from "@/app/_server/request-logger";
import { getOrganisation } from "@/db/queries/organisations";
import { getPeppolSettings, updatePeppolSettings } from "@/db/queries/peppol-settings";
import { getConfig } from "@/lib/config/env";
import { getQueue } from "@/app/_server/queue";
import { partyEndpoint } from "@/lib/peppol";
import { queuePeppolSend } from "@/lib/peppol/send/queue-peppol-send";
import { accessPointFromConfig, formatParticipant } from "@/lib/peppol/transport";

type Result = { ok: true } | { ok: false; error: string };

/** Registers the merchant at the access point once; the id it gets is kept in the app's settings. */
export async function registerOnPeppol(): Promise<Result> {
  const { db, tenant } = await requireOrg();
  const settings = await getPeppolSettings(db, tenant);
  if (!settings) return { ok: false, error: "send.errors.app_inactive" };
  if (settings.senderId) return { ok: true };
  const accessPoint = accessPointFromConfig(getConfig());
  const organisation = await getOrganisation(db, tenant.organisationId);
  const participant = partyEndpoint({ vatNumber: organisation.vatNumber });
  if (!accessPoint || !participant) return { ok: false, error: "registration.failed" };
  try {
    const { senderId } = await accessPoint.registerSender({
      legalName: organisation.legalName,
      street: organisation.street,
      postalCode: organisation.postalCode,
      city: organisation.city,
      country: organisation.country,
      participant,
      reference: tenant.organisationId,
    });
    await updatePeppolSettings(db, tenant, {
      senderId,
      registeredAs: formatParticipant(participant),
    });
  } catch (error) {
    (await getRequestLogger()).error({ err: error }, "Peppol registration failed");
    return { ok: false, error: "registration.failed" };
  }
  revalidatePath("/apps/peppol");
  return { ok: true };
}

export async function savePeppolAutoSend(autoSend: boolean): Promise<Result> {
  const { db, tenant } = await requireOrg();
  if (!(await getPeppolSettings(db, tenant)))
    return { ok: false, error: "send.errors.app_inactive" };
  await updatePeppolSettings(db, tenant, { autoSend: autoSend === true });
  revalidatePath("/apps/peppol");
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
