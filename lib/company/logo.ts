/**
 * Logos are checked by their bytes, not by the browser's claimed type: only PNG
 * and JPEG are accepted (both render in PDFs), at most 500 KB.
 */
export const maxLogoBytes = 500 * 1024;

export type LogoProblem = "validation.logoMissing" | "validation.logoType" | "validation.logoSize";

export function sniffImageType(bytes: Uint8Array): "image/png" | "image/jpeg" | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => bytes[i] === b)) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}

export function checkLogo(
  bytes: Uint8Array,
): { ok: true; contentType: "image/png" | "image/jpeg" } | { ok: false; problem: LogoProblem } {
  if (bytes.length === 0) return { ok: false, problem: "validation.logoMissing" };
  if (bytes.length > maxLogoBytes) return { ok: false, problem: "validation.logoSize" };
  const contentType = sniffImageType(bytes);
  return contentType ? { ok: true, contentType } : { ok: false, problem: "validation.logoType" };
}
