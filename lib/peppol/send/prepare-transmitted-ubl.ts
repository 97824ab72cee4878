import type { Db } from "@/db";
import type { PeppolValidationFailure } from "@/db/schema/peppol";
import type { Tenant } from "@/db/tenant";
import { issuedUbl } from "@/lib/documents/originals/issued-ubl";
import type { PeppolParticipant } from "../transport/participant";
import { UblError } from "../ubl-error";
import { validateUbl, type UblFinding } from "../validation/validate-ubl";

export type PreparedUbl =
  | { readonly valid: true; readonly xml: string }
  | { readonly valid: false; readonly failures: PeppolValidationFailure[] };

/**
 * The UBL to transmit: the one issued (stored with the document, its PDF inside), its
 * buyer addressed where the network knows them (9925 when not found under 0208), then
 * checked with the official rules (lib/peppol/validation: UBL schema, CEN EN 16931,
 * Peppol BIS 3.0). A document Facturo cannot even write as UBL (no seller VAT number…)
 * fails the same way, with the rule it would break. Only a valid file may leave.
 */
export async function prepareTransmittedUbl(
  db: Db,
  t: Tenant,
  documentId: string,
  options: { appUrl?: string; receiver?: PeppolParticipant } = {},
): Promise<PreparedUbl> {
  let xml: string;
  try {
    xml = (await issuedUbl(db, t, documentId, { appUrl: options.appUrl })).bytes.toString("utf8");
  } catch (error) {
    if (!(error instanceof UblError)) throw error;
    return {
      valid: false,
      failures: [{ rule: error.rule ?? error.code, message: error.message, location: "/" }],
    };
  }
  if (options.receiver) xml = addressBuyer(xml, options.receiver);
  const validation = await validateUbl(xml);
  if (validation.valid) return { valid: true, xml };
  return { valid: false, failures: validation.failures.map(failureOf) };
}

/**
 * The buyer's EndpointID (BT-49) set to the participant it was found under; nothing else
 * of the issued file changes. The issued UBL names the buyer by enterprise number (0208).
 */
export function addressBuyer(xml: string, receiver: PeppolParticipant): string {
  return xml.replace(
    /(<cac:AccountingCustomerParty>\s*<cac:Party>\s*)<cbc:EndpointID schemeID="[^"]*">[^<]*<\/cbc:EndpointID>/,
    (_, before: string) =>
      `${before}<cbc:EndpointID schemeID="${receiver.scheme}">${receiver.id}</cbc:EndpointID>`,
  );
}

/** The rules' own sentence without its "[BR-CO-16]-" prefix: the rule id is kept apart. */
export function failureOf(finding: UblFinding): PeppolValidationFailure {
  const message = finding.message.replace(/^\[[^\]]+\]\s*-?\s*/, "").trim();
  return { rule: finding.rule, message: message || finding.message, location: finding.location };
}
