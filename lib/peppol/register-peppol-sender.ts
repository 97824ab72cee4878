import type { Db } from "@/db/client";
import { getOrganisation } from "@/db/queries/organisations";
import { getPeppolSettings, updatePeppolSettings } from "@/db/queries/peppol-settings";
import type { Tenant } from "@/db/tenant";
import { partyEndpoint } from "./party-endpoint";
import { formatParticipant, type PeppolAccessPoint } from "./transport";

export interface RegisterPeppolSenderInput {
  /** The configured access point, or null when none is (then registration fails). */
  accessPoint: PeppolAccessPoint | null;
}

export type RegisterPeppolSenderResult =
  | { ok: true }
  | { ok: false; error: "send.errors.app_inactive" | "registration.failed"; cause?: unknown };

/**
 * Registers the merchant at the access point once (the Peppol app must be on); the
 * sender id it gets is kept in the app's settings, and a second call changes nothing.
 * A refusal from the access point is returned with its cause for the caller to log.
 */
export async function registerPeppolSender(
  db: Db,
  t: Tenant,
  input: RegisterPeppolSenderInput,
): Promise<RegisterPeppolSenderResult> {
  const settings = await getPeppolSettings(db, t);
  if (!settings) return { ok: false, error: "send.errors.app_inactive" };
  if (settings.senderId) return { ok: true };
  const organisation = await getOrganisation(db, t.organisationId);
  const participant = partyEndpoint({ vatNumber: organisation.vatNumber });
  if (!input.accessPoint || !participant) return { ok: false, error: "registration.failed" };
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
    await updatePeppolSettings(db, t, { senderId, registeredAs: formatParticipant(participant) });
  } catch (error) {
    return { ok: false, error: "registration.failed", cause: error };
  }
  return { ok: true };
}
