/**
 * Logos are checked by their bytes, not by the browser's claimed type: only PNG
 * and JPEG are accepted (both render in PDFs), at most 500 KB.
 */
export const maxLogoBytes = 500 * 1024;

export type LogoProblem =
  | "validation.logoMissing"
  | "validation.logoType"
  | "validation.logoSize"
  | "validation.logoPixels";

/**
 * The largest image accepted, in pixels (25 megapixels, e.g. 5000 × 5000). A PNG of
 * 10,000 × 10,000 pixels compresses to 400 KB but decodes to 400 MB: the byte limit
 * alone does not keep a logo small. Kept in step with lib/security/limits.ts.
 */
export const maxLogoPixels = 25_000_000;

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

/**
 * Width and height read from the image's header, without decoding it: PNG's IHDR
 * chunk, or JPEG's start-of-frame segment. Null when the header cannot be read.
 */
export function imageDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  const type = sniffImageType(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === "image/png") {
    if (bytes.length < 24) return null;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (type === "image/jpeg") {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return null;
      const marker = bytes[offset + 1]!;
      // Fill bytes and markers without a length.
      if (marker === 0xff) {
        offset += 1;
        continue;
      }
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        offset += 2;
        continue;
      }
      const length = view.getUint16(offset + 2);
      const isStartOfFrame =
        marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isStartOfFrame) {
        return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
      }
      if (length < 2) return null;
      offset += 2 + length;
    }
  }
  return null;
}

/**
 * A stored logo, unless its header says it is too large to render (one stored before
 * uploads were normalised): a PDF is then rendered without it rather than with 400 MB
 * of pixels.
 */
export function logoWithinLimits<Logo extends { data: Uint8Array }>(
  logo: Logo | null,
): Logo | null {
  if (!logo) return null;
  const size = imageDimensions(logo.data);
  if (!size || size.width * size.height > maxLogoPixels) return null;
  return logo;
}
