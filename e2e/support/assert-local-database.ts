/**
 * End-to-end tests create users, organisations and invoices. They must never write to
 * a shared or production database, so a DATABASE_URL that points anywhere but this
 * machine stops the run before the server is started.
 */

const LOCAL_HOSTNAMES = new Set(["localhost", "::1", "[::1]"]);

function isLocalHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  if (h === "" || h.startsWith("/")) return true; // Unix socket on this machine
  if (LOCAL_HOSTNAMES.has(h) || h.endsWith(".localhost")) return true;
  return /^127(\.\d{1,3}){3}$/.test(h);
}

/** The hosts a node-postgres connection string would connect to. */
function hostsOf(databaseUrl: string, env: Record<string, string | undefined>): string[] {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error(
      "DATABASE_URL is not a URL, so the e2e guard cannot tell where it points. " +
        "Use postgres://user@localhost:5432/db, or unset it to use a fresh embedded database.",
    );
  }
  if (
    url.protocol !== "postgres:" &&
    url.protocol !== "postgresql:" &&
    url.protocol !== "socket:"
  ) {
    throw new Error(`DATABASE_URL has an unexpected scheme "${url.protocol}"`);
  }
  if (url.protocol === "socket:") return [""];
  const hosts: string[] = [];
  if (url.hostname) hosts.push(decodeURIComponent(url.hostname));
  for (const h of url.searchParams.getAll("host")) hosts.push(...h.split(","));
  if (hosts.length === 0) hosts.push(env.PGHOST ?? "");
  return hosts;
}

/** Throws unless DATABASE_URL is unset or points at this machine. */
export function assertLocalDatabase(env: Record<string, string | undefined> = process.env): void {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) return;
  const remote = hostsOf(databaseUrl, env).filter((h) => !isLocalHost(h));
  if (remote.length > 0) {
    throw new Error(
      `Refusing to run the e2e tests: DATABASE_URL points at ${remote.join(", ")}, ` +
        "which is not this machine. The tests write users and invoices; point DATABASE_URL " +
        "at a local PostgreSQL (localhost / 127.0.0.1 / a Unix socket) or unset it to use " +
        "a fresh embedded database.",
    );
  }
}
