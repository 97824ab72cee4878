import { stopAllProcesses } from "./processes";

/**
 * Ctrl-C in the middle of a run still stops the servers the bench started and
 * drops its database: phases register what to undo while it is in use.
 */
const tasks = new Set<() => Promise<void>>();

export function onInterrupt(task: () => Promise<void>): () => void {
  tasks.add(task);
  return () => tasks.delete(task);
}

export function cleanUpOnInterrupt(log: (line: string) => void): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping servers and dropping the bench database`);
      const undo = [...[...tasks].map((task) => task()), stopAllProcesses()];
      void Promise.allSettled(undo).finally(() => process.exit(130));
    });
  }
}
