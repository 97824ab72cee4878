/**
 * The HTTP plumbing every stand-in shares: reading and parsing bodies, JSON and HTML
 * answers, HttpError, and a small server (`listen`) for the payment stand-ins.
 */
export {
  HttpError,
  MAX_BODY_BYTES,
  parseCookies,
  parseForm,
  parseJsonBody,
  parseJsonOrForm,
  readBody,
  redirect,
  sendHtml,
  sendJson,
  sleep,
} from "./http";
export { listen, notify, runUntilSignal, type Route, type RunningStandIn } from "./listen";
