import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { imageDimensions, logoWithinLimits } from "./logo";
import { normaliseLogo } from "./normalise-logo";

/** A PNG whose header claims 10,000 × 10,000 pixels: what an image bomb looks like up front. */
function bombHeader(): Uint8Array {
  const bytes = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write("IHDR", 12, "ascii");
  bytes.writeUInt32BE(10_000, 16);
  bytes.writeUInt32BE(10_000, 20);
  return bytes;
}

const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#1d4ed8" } });

describe("logos", () => {
  it("reads PNG and JPEG dimensions from the header", async () => {
    expect(imageDimensions(await image(321, 123).png().toBuffer())).toEqual({
      width: 321,
      height: 123,
    });
    expect(imageDimensions(await image(640, 480).jpeg().toBuffer())).toEqual({
      width: 640,
      height: 480,
    });
    expect(imageDimensions(bombHeader())).toEqual({ width: 10_000, height: 10_000 });
  });

  it("refuses an image over 25 megapixels before decoding it", async () => {
    expect(await normaliseLogo(bombHeader())).toEqual({
      ok: false,
      problem: "validation.logoPixels",
    });
    // One already stored is left out of the PDF.
    expect(logoWithinLimits({ data: bombHeader() })).toBeNull();
  });

  it("stores a large logo scaled into 1200 × 1200 pixels, in its own format", async () => {
    const png = await normaliseLogo(await image(3000, 1000).png().toBuffer());
    expect(png.ok && png.contentType).toBe("image/png");
    if (!png.ok) return;
    expect(imageDimensions(png.data)).toEqual({ width: 1200, height: 400 });
    const jpeg = await normaliseLogo(await image(400, 200).jpeg().toBuffer());
    expect(jpeg.ok && jpeg.contentType).toBe("image/jpeg");
    if (jpeg.ok) expect(imageDimensions(jpeg.data)).toEqual({ width: 400, height: 200 });
  });

  it("refuses what is not a PNG or JPEG, and a truncated image", async () => {
    expect(await normaliseLogo(Buffer.from("GIF89a...."))).toMatchObject({ ok: false });
    const png = await image(100, 100).png().toBuffer();
    expect(await normaliseLogo(png.subarray(0, 40))).toMatchObject({ ok: false });
  });
});
