// A PDF render worker thread (lib/pdf/render-pool/render-pool.ts starts it). Plain
// JavaScript so that any process (next start, facturo worker, vitest) can start it
// from the source tree; the layout itself is TypeScript, loaded through tsx.
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

// One module, so the layout, the fonts and react-pdf share one module graph.
const { renderInThread } = await tsImport(
  path.join(workerData.pdfDir, "render-pool", "render-in-thread.ts"),
  import.meta.url,
);

/** Bytes cross the thread boundary as Uint8Array; react-pdf's images want Buffers. */
function revive(value) {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.length);
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

parentPort.on("message", async ({ id, model }) => {
  try {
    const pdf = await renderInThread(revive(model));
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.length);
    parentPort.postMessage({ id, pdf: bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
