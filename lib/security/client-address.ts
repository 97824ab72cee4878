/**
 * The client's address as the last proxy saw it: the rightmost entry of
 * X-Forwarded-For (a proxy in front appends the address it saw; `next start` alone
 * sets the socket's address when the header is missing). With no proxy in front, a
 * client can choose its own header, which is why every per-address limit has a
 * per-token, per-key or global limit beside it.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").pop()?.trim();
  const address = last || headers.get("x-real-ip")?.trim() || "unknown";
  return address.slice(0, 64);
}
