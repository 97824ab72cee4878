/**
 * A PostgreSQL cluster for the fault suite that outlives one run, so two runs can use
 * the same one (run with `npx tsx`):
 *
 *   dir=$(npx tsx e2e/faults/support/cluster-cli.ts create)
 *   FACTURO_FAULTS_PG_DIR=$dir npm run test:faults     # as often as wanted
 *   npx tsx e2e/faults/support/cluster-cli.ts remove "$dir"
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { createCluster, destroyCluster } from "./postgres-cluster";

const [command, dir] = process.argv.slice(2);
if (command === "create") {
  console.log(createCluster(dir));
} else if (command === "remove" && dir) {
  // Only a directory that holds a cluster is removed.
  if (!existsSync(path.join(dir, "data", "PG_VERSION"))) throw new Error(`${dir}: no cluster here`);
  destroyCluster(dir);
} else {
  console.error("usage: cluster-cli.ts create [dir] | remove <dir>");
  process.exitCode = 2;
}
