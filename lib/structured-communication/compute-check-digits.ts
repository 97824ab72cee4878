/**
 * The two check digits of a Belgian structured communication (OGM/VCS): the 10-digit
 * base modulo 97, written as two digits, and `97` when the remainder is 0 (a check of
 * `00` never occurs, so `+++000/0000/00097+++` is the smallest valid value).
 *
 * A 10-digit number is below 2^53, so plain `number` arithmetic is exact here.
 */
export function computeCheckDigits(base: string): string {
  if (!/^\d{10}$/.test(base)) {
    throw new RangeError(
      `A structured communication base is 10 digits, got ${JSON.stringify(base)}`,
    );
  }
  const remainder = Number(base) % 97;
  return String(remainder === 0 ? 97 : remainder).padStart(2, "0");
}
