import { crc32, deflateSync } from "node:zlib";
import QRCode from "qrcode";
import { EpcQrError } from "./epc-qr-error";

/** EPC069-12: error correction M, at most version 13. */
const MAX_VERSION = 13;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/**
 * The QR code of an EPC payload as a black-and-white PNG data URL, made
 * synchronously (qrcode's own PNG output is stream-based, hence async) so the
 * PDF view model stays a plain function. One module = `scale` pixels, with the
 * 4-module quiet zone the QR standard asks for.
 */
export function epcQrPngDataUrl(payload: string, scale = 8): string {
  const qr = QRCode.create(payload, { errorCorrectionLevel: "M" });
  if (qr.version > MAX_VERSION) {
    throw new EpcQrError("payload_too_long", `QR version ${qr.version} exceeds ${MAX_VERSION}`);
  }
  const margin = 4;
  const count = qr.modules.size;
  const side = (count + 2 * margin) * scale;
  // Greyscale, 8 bits: one filter byte then one byte per pixel on each row.
  const raw = Buffer.alloc((side + 1) * side, 0xff);
  for (let y = 0; y < side; y++) {
    raw[y * (side + 1)] = 0;
    const my = Math.floor(y / scale) - margin;
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - margin;
      if (mx >= 0 && my >= 0 && mx < count && my < count && qr.modules.get(my, mx)) {
        raw[y * (side + 1) + 1 + x] = 0;
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString("base64")}`;
}
