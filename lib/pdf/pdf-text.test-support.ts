import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfText {
  readonly pageCount: number;
  /** Each page's text in reading order, one text line per line. */
  readonly pages: readonly string[];
  /** The pages joined by a form feed, as pdftotext prints them. */
  readonly text: string;
}

/**
 * A PDF's text, read with pdf.js (an npm package: tests need nothing but Node, no
 * poppler). pdf.js puts a space between runs that are apart on a line and marks line
 * ends, so `text` reads like `pdftotext` without -layout.
 */
export async function readPdfText(pdf: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const document = await getDocument({
    data: new Uint8Array(pdf),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += item.str;
        if (item.hasEOL) text += "\n";
      }
      pages.push(text);
      page.cleanup();
    }
    return { pageCount: document.numPages, pages, text: pages.join("\f") };
  } finally {
    await document.destroy();
  }
}
