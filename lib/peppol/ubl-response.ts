/** An XML download named after the document (its number, made filename-safe). */
export function ublResponse(xml: string, fileStem: string): Response {
  const name = fileStem.replace(/[^\w.-]/g, "_");
  return new Response(xml, {
    headers: {
      "content-type": "application/xml; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.xml"`,
    },
  });
}
