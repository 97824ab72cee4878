import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { sleep } from "./stats";

/** A server or worker the bench started; its output goes to a log file, not to our CPU. */
export interface Started {
  name: string;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

// Every process still running, so an interrupt can stop those not yet handed to a phase.
const live = new Set<Started>();

export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...live].map((started) => started.stop()));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function startProcess(options: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  logDir: string;
}): Started {
  const logFile = `${options.logDir}/${options.name}.log`;
  const out = openSync(logFile, "a");
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", out, out],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const started: Started = {
    name: options.name,
    child,
    logFile,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
  live.add(started);
  void exited.then(() => live.delete(started));
  return started;
}

/** Waits until `url` answers 2xx; fails early when the process dies. */
export async function waitForHttp(started: Started, url: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) {
      throw new Error(`${started.name} exited (${started.child.exitCode}); see ${started.logFile}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${started.name} did not answer ${url} within ${timeoutMs} ms`);
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name is in parentheses and may hold spaces: read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** Peak resident memory (VmHWM) in MB of a process, or of its largest descendant (npm, next start). */
export function peakRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  let peakKb = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift() as number;
    try {
      const status = readFileSync(`/proc/${current}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peakKb = Math.max(peakKb, kb);
    } catch {
      continue;
    }
    queue.push(...childrenOf(current));
  }
  return peakKb > 0 ? Math.round(peakKb / 1024) : null;
}
