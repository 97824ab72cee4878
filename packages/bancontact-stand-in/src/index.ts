/** Programmatic entry point: start the Bancontact Pro stand-in in-process (tests, the dev launcher). */
export {
  bancontactStatuses,
  startBancontactStandIn,
  type BancontactStandIn,
  type BancontactStandInStatus,
} from "./server";
