/** A short id a client may give its request (letters, digits, `-_.:`, at most 64). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The client's (or load balancer's) request id when it is short and safe; otherwise a
 * new one. It is echoed in a response header and written in every log line, so a
 * 6,000-character or multi-line id is never taken.
 */
export function safeRequestId(given: string | null | undefined): string {
  return given && SAFE_REQUEST_ID.test(given) ? given : crypto.randomUUID();
}
