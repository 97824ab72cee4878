import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * PDFs are rendered in worker threads, never on the event loop that answers requests:
 * a render is CPU-bound for hundreds of milliseconds (seconds for a big document), and
 * on the request thread it would stall every other request of the process. The pool
 * has one thread per core but one (at least one, at most four), a memory limit per
 * thread and a time limit per render; a thread that runs out of either is replaced.
 * Waiting renders are bounded too: beyond that the caller is told the pool is busy
 * (routes answer 429 with Retry-After) instead of queueing without end.
 */
export interface RenderPoolOptions {
  size?: number;
  /** Per render, from the moment a thread takes it. */
  timeoutMs?: number;
  /** V8 old-generation limit per thread (MB). */
  maxOldGenerationSizeMb?: number;
  /** Renders waiting for a thread before new ones are refused. */
  maxQueue?: number;
}

export class PdfRenderBusyError extends Error {
  constructor() {
    super("Every PDF renderer is busy; try again in a moment");
    this.name = "PdfRenderBusyError";
  }
}

export class PdfRenderFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PdfRenderFailedError";
  }
}

interface Task {
  id: number;
  model: unknown;
  resolve(pdf: Buffer): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

const WORKER_FILE = "pdf-render-worker.mjs";
const BOOTSTRAP = `const { workerData } = require("node:worker_threads");
const { pathToFileURL } = require("node:url");
import(pathToFileURL(workerData.entry).href);`;

/**
 * Resolved from process.cwd() (the app's root for `next start`, `facturo worker` and the
 * tests), because Next.js bundling rewrites import.meta.url (as register-fonts.ts does).
 */
function pdfDir(): string {
  return path.join(process.cwd(), "lib", "pdf");
}

export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxOld: number;
  private readonly maxQueue: number;

  constructor(options: RenderPoolOptions = {}) {
    this.size = options.size ?? Math.max(1, Math.min(4, availableParallelism() - 1));
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxOld = options.maxOldGenerationSizeMb ?? 384;
    this.maxQueue = options.maxQueue ?? 32;
  }

  /** Renders one view model to PDF bytes in a worker thread. */
  render(model: unknown): Promise<Buffer> {
    if (this.closed) return Promise.reject(new PdfRenderFailedError("The PDF pool is closed"));
    if (this.queue.length >= this.maxQueue) return Promise.reject(new PdfRenderBusyError());
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, model, resolve, reject });
      this.dispatch();
    });
  }

  /** Renders waiting for a thread (for tests and health). */
  get waiting(): number {
    return this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) {
      task.reject(new PdfRenderFailedError("The PDF pool is closed"));
    }
    await Promise.all(this.slots.splice(0).map((slot) => this.retire(slot, "closed")));
  }

  private spawn(): Slot {
    // Started from a one-line script that imports the worker file by the path in its data:
    // a file path in `new Worker(…)` makes the Next.js bundler pull the worker (and tsx,
    // and esbuild's binary) into the route bundles.
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { entry: path.join(pdfDir(), "render-pool", WORKER_FILE), pdfDir: pdfDir() },
      resourceLimits: { maxOldGenerationSizeMb: this.maxOld, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    let markReady: () => void = () => {};
    const slot: Slot = {
      worker,
      ready: new Promise<void>((resolve) => (markReady = resolve)),
      task: null,
      timer: null,
    };
    worker.on(
      "message",
      (message: { ready?: boolean; id?: number; pdf?: Uint8Array; error?: string }) => {
        if (message.ready) {
          markReady();
          return;
        }
        const task = slot.task;
        if (!task || task.id !== message.id) return;
        this.finish(slot);
        if (message.pdf)
          task.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.length));
        else
          task.reject(new PdfRenderFailedError(message.error ?? "The PDF could not be rendered"));
        this.dispatch();
      },
    );
    const onDeath = (reason: string) => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      const task = slot.task;
      this.finish(slot);
      markReady();
      task?.reject(new PdfRenderFailedError(`The PDF renderer stopped: ${reason}`));
      this.dispatch();
    };
    worker.on("error", (error) => onDeath(error.message));
    worker.on("exit", (code) => onDeath(`exit ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot): void {
    // An idle thread does not keep the process alive; a busy one does (a CLI awaiting a PDF).
    slot.worker.unref();
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
  }

  private async retire(slot: Slot, reason: string): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    const task = slot.task;
    this.finish(slot);
    task?.reject(new PdfRenderFailedError(reason));
    await slot.worker.terminate().catch(() => undefined);
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      const chosen = slot;
      void chosen.ready.then(() => {
        if (chosen.task !== task) return;
        chosen.timer = setTimeout(() => {
          void this.retire(chosen, `The PDF took longer than ${this.timeoutMs} ms`).then(() =>
            this.dispatch(),
          );
        }, this.timeoutMs);
        chosen.worker.postMessage({ id: task.id, model: task.model });
      });
    }
  }
}

// One pool per process, on globalThis: instrumentation and the route bundles are separate
// module instances in one Next.js process, and they must share the threads.
const holder = globalThis as unknown as { facturoPdfPool?: RenderPool };

export function getRenderPool(): RenderPool {
  holder.facturoPdfPool ??= new RenderPool();
  return holder.facturoPdfPool;
}
