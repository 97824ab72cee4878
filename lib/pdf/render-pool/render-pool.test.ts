import { afterAll, describe, expect, it } from "vitest";
import { buildDocumentPdfModel } from "../build-document-pdf-model";
import { readPdfText } from "../pdf-text.test-support";
import { PdfRenderBusyError, PdfRenderFailedError, RenderPool } from "./render-pool";
import { pdfModelInput } from "./render-pool.test-support";

const pools: RenderPool[] = [];
const pool = (options: ConstructorParameters<typeof RenderPool>[0]) => {
  const made = new RenderPool(options);
  pools.push(made);
  return made;
};

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe("the PDF render pool", () => {
  it("renders in a worker thread while the event loop keeps answering", async () => {
    const renderer = pool({ size: 1 });
    const model = buildDocumentPdfModel(pdfModelInput(150));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    const pdfs = await Promise.all([renderer.render(model), renderer.render(model)]);
    const elapsed = Date.now() - started;
    clearInterval(timer);
    expect((await readPdfText(pdfs[0])).text).toContain("Line 149");
    expect(pdfs[1].subarray(0, 5).toString()).toBe("%PDF-");
    // A blocked loop would tick a handful of times; a free one about every 10 ms.
    expect(ticks).toBeGreaterThan(elapsed / 10 / 8);
  }, 120_000);

  it("stops a render that takes longer than its limit and replaces the thread", async () => {
    const renderer = pool({ size: 1, timeoutMs: 50 });
    const model = buildDocumentPdfModel(pdfModelInput(2000));
    await expect(renderer.render(model)).rejects.toBeInstanceOf(PdfRenderFailedError);
    const relaxed = pool({ size: 1, timeoutMs: 60_000 });
    const small = await relaxed.render(buildDocumentPdfModel(pdfModelInput(1)));
    expect(small.subarray(0, 5).toString()).toBe("%PDF-");
  }, 120_000);

  it("refuses new renders when every thread is busy and the queue is full", async () => {
    const renderer = pool({ size: 1, maxQueue: 1 });
    const model = buildDocumentPdfModel(pdfModelInput(1));
    const rendering = renderer.render(model);
    const waiting = renderer.render(model);
    await expect(renderer.render(model)).rejects.toBeInstanceOf(PdfRenderBusyError);
    await expect(rendering).resolves.toBeInstanceOf(Buffer);
    await expect(waiting).resolves.toBeInstanceOf(Buffer);
  }, 120_000);
});
