import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { buildEpcPayload, epcQrPngDataUrl } from "./index";

/** Reads the QR code back from the PNG, as a bank app's camera would. */
function decode(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64"));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** The EPC069-12 fields of a decoded payload, by name. */
function fieldsOf(payload: string) {
  const [
    service,
    version,
    charset,
    identification,
    bic,
    name,
    iban,
    amount,
    purpose,
    reference,
    text,
  ] = payload.split("\n");
  return {
    service,
    version,
    charset,
    identification,
    bic,
    name,
    iban,
    amount,
    purpose,
    reference,
    text,
  };
}

describe("the EPC QR image", () => {
  it("decodes back to the transfer the invoice asks for", () => {
    const payload = buildEpcPayload({
      bic: "GEBABEBB",
      name: "Atelier Dupont SRL",
      iban: "BE68 5390 0754 7034",
      amountCents: 18150,
      structuredReference: "+++090/9337/55493+++",
    });
    expect(fieldsOf(decode(epcQrPngDataUrl(payload)) ?? "")).toEqual({
      service: "BCD",
      version: "002",
      charset: "1",
      identification: "SCT",
      bic: "GEBABEBB",
      name: "Atelier Dupont SRL",
      iban: "BE68539007547034",
      amount: "EUR181.50",
      purpose: "",
      reference: "+++090/9337/55493+++",
      text: undefined,
    });
  });

  it("keeps accented names and the largest amount intact, at every scale", () => {
    const payload = buildEpcPayload({
      bic: null,
      name: "Brasserie Les Forgerons — Étienne & Zoë",
      iban: "BE71 0961 2345 6769",
      amountCents: 99_999_999_999,
      structuredReference: "+++000/0000/09797+++",
    });
    for (const scale of [4, 8]) {
      const decoded = decode(epcQrPngDataUrl(payload, scale));
      expect(decoded).toBe(payload);
      expect(fieldsOf(decoded ?? "")).toMatchObject({
        bic: "",
        name: "Brasserie Les Forgerons — Étienne & Zoë",
        amount: "EUR999999999.99",
      });
    }
  });
});
