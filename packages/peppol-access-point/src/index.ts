/** Programmatic entry point: start the access-point stand-in in-process (tests, the dev launcher). */
export {
  DEFAULT_PARTICIPANTS,
  startPeppolAccessPoint,
  type AccessPointOptions,
  type RunningAccessPoint,
} from "./server";
export type { AccessPointState, LegalEntity, Submission, WebhookInstance } from "./state";
