/**
 * Run by db/client.test.ts as a second process (`node --import tsx --import …/server-only-outside-next.mjs … <dir>`): opens
 * the embedded database in <dir>, reports what happened and exits.
 * Exit 0: opened and closed; 2: refused with DatabaseLockedError; 1: anything else.
 */
import { DatabaseLockedError, openPglite } from "../client";

const dir = process.argv[2];
if (!dir) throw new Error("usage: open-pglite-child.ts <dir>");

try {
  const handle = await openPglite(dir);
  const { rows } = await handle.executeSql("select count(*)::int as n from organisation");
  console.log(`opened ${JSON.stringify(rows[0])}`);
  await handle.close();
  process.exit(0);
} catch (err) {
  console.error(`${(err as Error).name}: ${(err as Error).message}`);
  process.exit(err instanceof DatabaseLockedError ? 2 : 1);
}
