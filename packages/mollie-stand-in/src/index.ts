/** Programmatic entry point: start the Mollie stand-in in-process (tests, the dev launcher). */
export {
  molliePaymentStatuses,
  startMollieStandIn,
  type MollieStandIn,
  type MollieStandInStatus,
} from "./server";
