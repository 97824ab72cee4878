import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openPostgres, type DbHandle } from "@/db/client";
import { createConcept } from "@/lib/documents/create-concept";
import { concept } from "@/db/testing/document-factory";
import { finalisedSequences, numberingProblems } from "./support/checks";
import { createDatabase } from "./support/postgres-cluster";
import { startScript, type AppProcess } from "./support/processes";
import { seedMerchant, type Merchant } from "./support/seed";
import { appEnv } from "./support/stack";
import { recordFaults } from "./support/tally";

/**
 * Gap-free numbering across processes: 200 concepts finalised at the same moment
 * by 4 separate processes (each with its own connection pool) must be numbered
 * exactly 1..200, each number and structured communication once.
 */
const CONCEPTS = 200;
const PROCESSES = 4;

let handle: DbHandle;
let databaseUrl: string;
let merchant: Merchant;

beforeAll(async () => {
  databaseUrl = await createDatabase("faults_numbering");
  handle = await openPostgres(databaseUrl);
  merchant = await seedMerchant(handle.db);
});

afterAll(async () => {
  await handle?.close();
});

interface Outcome {
  ok: boolean;
  sequence?: number;
  number?: string;
  error?: string;
}

it(`${CONCEPTS} concurrent finalisations from ${PROCESSES} processes are numbered 1..${CONCEPTS}`, async () => {
  const ids = await Promise.all(
    Array.from({ length: CONCEPTS }, () => createConcept(handle.db, merchant.t, concept())),
  );
  const dir = mkdtempSync(path.join(tmpdir(), "faults-numbering-"));
  // Far enough ahead for every process to have started and connected.
  const startAt = String(Date.now() + 8_000);
  const share = CONCEPTS / PROCESSES;
  const clients: AppProcess[] = Array.from({ length: PROCESSES }, (_, p) =>
    startScript(
      path.resolve(import.meta.dirname, "support/finalise-client.ts"),
      [
        merchant.organisationId,
        startAt,
        path.join(dir, `${p}.json`),
        ...ids.slice(p * share, (p + 1) * share),
      ],
      appEnv(databaseUrl),
      `numbering-client-${p}`,
    ),
  );
  const exits = await Promise.all(clients.map((c) => c.exited));
  const outcomes = Array.from(
    { length: PROCESSES },
    (_, p) => JSON.parse(readFileSync(path.join(dir, `${p}.json`), "utf8")) as Outcome[],
  ).flat();

  const sequences = await finalisedSequences(handle, merchant.organisationId);
  const problems = numberingProblems(sequences);
  const ogm = await handle.executeSql(
    `select count(distinct structured_communication)::int as n from document
     where organisation_id = $1 and structured_communication is not null`,
    [merchant.organisationId],
  );
  const failed = outcomes.filter((o) => !o.ok);
  recordFaults("numbering ×200 / 4 processes", {
    tried: CONCEPTS,
    lost: CONCEPTS - sequences.length + problems.gaps,
    duplicated: problems.repeats,
  });
  expect(exits).toEqual(Array(PROCESSES).fill("0"));
  expect(failed).toEqual([]);
  expect(sequences).toEqual(Array.from({ length: CONCEPTS }, (_, i) => i + 1));
  expect(new Set(outcomes.map((o) => o.number)).size).toBe(CONCEPTS);
  expect((ogm.rows[0] as { n: number }).n).toBe(CONCEPTS);
});
