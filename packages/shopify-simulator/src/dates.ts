/**
 * REST payload timestamps carry the shop's UTC offset ("2026-02-12T14:23:51+01:00"), not
 * a `Z`; the simulated shops live in Europe/Brussels.
 */
export const SHOP_TIME_ZONE = "Europe/Brussels";

export function restDateTime(date: Date, timeZone = SHOP_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "longOffset",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((part) => part.type === type)?.value ?? "00";
  // "GMT+01:00" → "+01:00"; plain "GMT" means UTC.
  const offset = get("timeZoneName").replace("GMT", "") || "+00:00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}${offset}`;
}
