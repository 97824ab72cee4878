import "server-only";
import sharp from "sharp";
import { checkLogo, imageDimensions, maxLogoPixels, type LogoProblem } from "./logo";

/** The box a stored logo fits in (the PDF prints it at most 160 × 56 points). */
export const LOGO_MAX_EDGE = 1200;

export type NormalisedLogo =
  | { ok: true; contentType: "image/png" | "image/jpeg"; data: Buffer }
  | { ok: false; problem: LogoProblem };

/**
 * An uploaded logo as it is stored: checked by its bytes (type, size), its header's
 * pixel count refused beyond `maxLogoPixels` before anything is decoded, then decoded
 * once (sharp, with the same pixel limit), scaled down to fit LOGO_MAX_EDGE and
 * re-encoded without metadata. Every PDF then renders a small image.
 */
export async function normaliseLogo(bytes: Uint8Array): Promise<NormalisedLogo> {
  const checked = checkLogo(bytes);
  if (!checked.ok) return checked;
  const size = imageDimensions(bytes);
  if (!size) return { ok: false, problem: "validation.logoType" };
  if (size.width * size.height > maxLogoPixels)
    return { ok: false, problem: "validation.logoPixels" };
  try {
    const image = sharp(bytes, { limitInputPixels: maxLogoPixels, failOn: "error" })
      .rotate()
      .resize(LOGO_MAX_EDGE, LOGO_MAX_EDGE, { fit: "inside", withoutEnlargement: true });
    const data =
      checked.contentType === "image/png"
        ? await image.png({ compressionLevel: 9 }).toBuffer()
        : await image.jpeg({ quality: 90 }).toBuffer();
    return { ok: true, contentType: checked.contentType, data };
  } catch {
    // A header that lies about its data, a truncated file: not an image we can print.
    return { ok: false, problem: "validation.logoType" };
  }
}
