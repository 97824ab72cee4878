import type { Db } from "@/db/client";
import { activateApp } from "@/db/queries/apps";
import { getOrganisation } from "@/db/queries/organisations";
import { getPeppolSettings, updatePeppolSettings } from "@/db/queries/peppol-settings";
import { listWaitingTransmissions } from "@/db/queries/peppol-transmissions";
import type { Tenant } from "@/db/tenant";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import { sendOverPeppolJob } from "./jobs/send-over-peppol.job";
import { partyEndpoint } from "./party-endpoint";
import { formatParticipant, type PeppolAccessPoint } from "./transport";

export interface RegisterPeppolSenderInput {
  /** The configured access point, or null when none is (then registration fails). */
  accessPoint: PeppolAccessPoint | null;
  /** Where the invoices that waited for this registration are queued again. */
  queue: Queue;
  /**
   * Activate the Peppol app first (the document page's and onboarding's one-click
   * "Register on Peppol"); without it, an inactive app is refused.
   */
  activate?: boolean;
}

export type RegisterPeppolSenderResult =
  | { ok: true; resumed: number }
  | {
      ok: false;
      error: "send.errors.app_inactive" | "registration.failed" | "registration.noVatNumber";
      cause?: unknown;
    };

/**
 * Registers the merchant at the access point once; the sender id it gets is kept in
 * the app's settings, and a second call changes nothing. Then every invoice that was
 * waiting for this registration goes over Peppol (its send job is queued again). A
 * refusal from the access point is returned with its cause for the caller to log.
 */
export async function registerPeppolSender(
  db: Db,
  t: Tenant,
  input: RegisterPeppolSenderInput,
): Promise<RegisterPeppolSenderResult> {
  if (input.activate) await activateApp(db, t, "peppol");
  const settings = await getPeppolSettings(db, t);
  if (!settings) return { ok: false, error: "send.errors.app_inactive" };
  if (!settings.senderId) {
    const organisation = await getOrganisation(db, t.organisationId);
    const participant = partyEndpoint({ vatNumber: organisation.vatNumber });
    if (!participant) return { ok: false, error: "registration.noVatNumber" };
    if (!input.accessPoint) return { ok: false, error: "registration.failed" };
    try {
      const { senderId } = await input.accessPoint.registerSender({
        legalName: organisation.legalName,
        street: organisation.street,
        postalCode: organisation.postalCode,
        city: organisation.city,
        country: organisation.country,
        participant,
        reference: t.organisationId,
      });
      await updatePeppolSettings(db, t, {
        senderId,
        registeredAs: formatParticipant(participant),
      });
    } catch (error) {
      return { ok: false, error: "registration.failed", cause: error };
    }
  }
  const waiting = await listWaitingTransmissions(db, t);
  for (const transmission of waiting) {
    await enqueue(input.queue, sendOverPeppolJob, {
      organisationId: t.organisationId,
      transmissionId: transmission.id,
    });
  }
  return { ok: true, resumed: waiting.length };
}
