/** `2026/0001` → `2026-0001.pdf`: only characters every browser and OS keeps in a file name. */
export function pdfFileName(stem: string): string {
  const safe = stem
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "")
    .slice(0, 100);
  return `${safe || "document"}.pdf`;
}

/** The HTTP answer for a rendered PDF, shown in the browser rather than downloaded. */
export function pdfResponse(
  pdf: Buffer,
  stem: string,
  cacheControl = "private, no-store",
): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${pdfFileName(stem)}"`,
      "cache-control": cacheControl,
      "x-content-type-options": "nosniff",
    },
  });
}
