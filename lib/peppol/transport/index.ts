export {
  AccessPointError,
  type AccessPointErrorCode,
  type DeliveryOutcome,
  type DeliveryResult,
  type DocumentSubmission,
  type PeppolAccessPoint,
  type SenderRegistration,
} from "./access-point";
export { accessPointFromConfig } from "./access-point-from-config";
export { formatParticipant, parseParticipant, type PeppolParticipant } from "./participant";
export { STORECOVE_API_URL, StorecoveAccessPoint } from "./storecove-access-point";
