import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import path from "node:path";

/**
 * The app's real processes: `next start` from a production build and separate
 * `facturo worker` processes, each in its own process group so a kill -9 takes
 * exactly that process and nothing the suite did not start.
 */

/** Where the production build lives (CI builds in the checkout before the suite runs). */
export const APP_DIR = path.resolve(process.env.FACTURO_FAULTS_APP_DIR ?? process.cwd());
export const LOG_DIR = path.resolve(".data/faults-logs");

export function assertBuildExists(): void {
  if (!existsSync(path.join(APP_DIR, ".next", "BUILD_ID"))) {
    throw new Error(
      `No production build in ${APP_DIR}/.next: the fault suite runs against \`next start\`. ` +
        "Run `npm run build` first (CI does), or set FACTURO_FAULTS_APP_DIR to a built checkout.",
    );
  }
}

export interface AppProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves when the process has exited, with its exit code or signal. */
  readonly exited: Promise<string>;
}

function start(name: string, args: string[], env: Record<string, string>): AppProcess {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(path.join(LOG_DIR, `${name}.log`), { flags: "a" });
  const child = spawn(process.execPath, args, {
    cwd: APP_DIR,
    // A clean environment: nothing of the test runner (NODE_ENV=test, VITEST…) leaks in.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? String(code))),
  );
  return { name, child, exited };
}

export function startWeb(env: Record<string, string>, name = "web"): AppProcess {
  const nextBin = path.join(APP_DIR, "node_modules", "next", "dist", "bin", "next");
  return start(name, [nextBin, "start", "-p", env.PORT ?? "3300"], env);
}

export function startWorker(env: Record<string, string>, name: string): AppProcess {
  return start(name, ["--import", "tsx", "lib/cli/facturo.ts", "worker"], env);
}

/** Any node script of the suite, run with the app's environment (e.g. a numbering client). */
export function startScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  name: string,
): AppProcess {
  // The app's modules are marked server-only: outside Next.js, resolve that marker first
  // (the CLI entry does it itself).
  const serverOnly = path.join(APP_DIR, "lib", "cli", "server-only-outside-next.mjs");
  return start(name, ["--import", "tsx", "--import", serverOnly, script, ...args], env);
}

/**
 * Resolves once the process prints `pattern` (e.g. the worker's "Worker started"), and
 * rejects if it exits first or stays silent for `ms`: a case must not begin its fault
 * while a process is still starting, nor count on one that died at start.
 */
export function waitForOutput(proc: AppProcess, pattern: RegExp, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString("utf8")).slice(-4_096);
      if (pattern.test(seen)) finish();
    };
    const timer = setTimeout(
      () => finish(new Error(`${proc.name} did not print ${pattern} within ${ms} ms`)),
      ms,
    );
    const finish = (error?: Error) => {
      clearTimeout(timer);
      proc.child.stdout?.off("data", onData);
      proc.child.stderr?.off("data", onData);
      if (error) reject(error);
      else resolve();
    };
    proc.child.stdout?.on("data", onData);
    proc.child.stderr?.on("data", onData);
    void proc.exited.then((code) =>
      finish(
        new Error(
          `${proc.name} exited (${code}) before printing ${pattern}; see ${LOG_DIR}/${proc.name}.log`,
        ),
      ),
    );
  });
}

export function isRunning(proc: AppProcess): boolean {
  return proc.child.exitCode === null && proc.child.signalCode === null;
}

/** kill -9 on the process group: no handler runs, nothing is flushed. */
export async function killHard(proc: AppProcess): Promise<void> {
  if (!isRunning(proc)) return;
  try {
    process.kill(-(proc.child.pid ?? 0), "SIGKILL");
  } catch {
    // already gone
  }
  await proc.exited;
}

/** SIGTERM, then SIGKILL if it has not stopped after `graceMs`. */
export async function stop(proc: AppProcess, graceMs = 10_000): Promise<void> {
  if (!isRunning(proc)) return;
  try {
    process.kill(-(proc.child.pid ?? 0), "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => void killHard(proc), graceMs);
  await proc.exited;
  clearTimeout(timer);
}

export async function waitForHttp(url: string, timeoutMs = 60_000, proc?: AppProcess) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (proc && !isRunning(proc)) {
      throw new Error(
        `${proc.name} exited before ${url} answered; see ${LOG_DIR}/${proc.name}.log`,
      );
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}
