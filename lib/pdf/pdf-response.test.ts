import { describe, expect, it } from "vitest";
import { pdfFileName, pdfResponse } from "./pdf-response";

describe("pdfFileName", () => {
  it.each([
    ["2026-0001", "2026-0001.pdf"],
    ["2026/0001", "2026-0001.pdf"],
    ["concept", "concept.pdf"],
    ['F"; evil=1', "F-evil-1.pdf"],
    ["../../etc", "etc.pdf"],
    ["", "document.pdf"],
  ])("%s → %s", (stem, expected) => {
    expect(pdfFileName(stem)).toBe(expected);
  });
});

describe("pdfResponse", () => {
  it("serves the PDF inline with its file name", async () => {
    const response = pdfResponse(Buffer.from("%PDF-1.3"), "2026/0001");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('inline; filename="2026-0001.pdf"');
    expect(await response.text()).toBe("%PDF-1.3");
  });
});
