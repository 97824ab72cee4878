const BRUSSELS = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Brussels",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * The calendar date in Belgium of an ISO timestamp: an order placed at 00:30 Brussels
 * time carries `…T23:30:00Z` of the day before, and the invoice date must be the
 * Belgian one. Null for a missing or unreadable timestamp.
 */
export function brusselsDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const parts = BRUSSELS.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
