/**
 * Peppol BIS Billing 3.0 (UBL 2.1) for Facturo invoices and credit notes. Pure, no I/O:
 *
 *   const input = toUblInput(document, lines, organisation, { credited, pdf });
 *   const xml = buildUbl(input);                   // throws UblError (code, rule)
 *   documentEndpoints(input).buyer.deliverable     // may it go over the Peppol network?
 *
 * See README.md for the choices (endpoint schemes, rounding, exemption texts).
 */
export { buildUbl, PEPPOL_CUSTOMIZATION_ID, PEPPOL_PROFILE_ID } from "./build-ubl";
export { exemptionReason, type ExemptionReason } from "./exemption-reason";
export {
  belgianEnterpriseNumber,
  documentEndpoints,
  partyEndpoint,
  resolveBuyerEndpoint,
  sellerEndpoint,
  type BuyerEndpoint,
  type DocumentEndpoints,
} from "./party-endpoint";
export { UblError, type UblErrorCode } from "./ubl-error";
export {
  toUblInput,
  type PeppolEndpoint,
  type ToUblInputOptions,
  type UblBuyer,
  type UblInput,
  type UblLine,
  type UblSeller,
} from "./ubl-input";
export { vatWithinTolerance } from "./vat-tolerance";
