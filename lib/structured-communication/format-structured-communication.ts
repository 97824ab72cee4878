/**
 * `202600000192` → `+++202/6000/00192+++`, the form printed on invoices and typed by
 * customers in their banking app. Takes the normalised 12 digits (as stored), not
 * free text: read free text with `parseStructuredCommunication` first.
 */
export function formatStructuredCommunication(digits: string): string {
  if (!/^\d{12}$/.test(digits)) {
    throw new RangeError(`A structured communication is 12 digits, got ${JSON.stringify(digits)}`);
  }
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}
