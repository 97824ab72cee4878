import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { tenant, type Tenant } from "@/db/tenant";
import { concept } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { createConcept } from "@/lib/documents/create-concept";
import { listSeries } from "@/db/queries/series";
import { saveSeries } from "./save-series";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { fixedClock } from "@/lib/calendar/clock";

let handle: DbHandle;
let t: Tenant;
const now = new Date("2026-11-28T10:00:00Z");

beforeAll(async () => {
  handle = await openTestDb();
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
});
afterAll(() => handle.close());

describe("numbering settings", () => {
  it("lets a migrating merchant continue their numbering, then locks the next number", async () => {
    expect(
      await saveSeries(
        handle.db,
        t,
        { type: "invoice", pattern: "F{YYYY}/{NNNNN}", yearlyRestart: true, nextSequence: 148 },
        fixedClock(now),
      ),
    ).toBe("saved");
    expect((await listSeries(handle.db, t, now)).find((s) => s.type === "invoice")).toMatchObject({
      nextSequence: 148,
      issuedThisPeriod: false,
    });

    const first = await finaliseDocument(
      handle.db,
      t,
      { documentId: await createConcept(handle.db, t, concept()) },
      fixedClock(now),
    );
    expect(first.number).toBe("F2026/00148");

    expect(
      await saveSeries(
        handle.db,
        t,
        { type: "invoice", pattern: "F{YYYY}/{NNNNN}", yearlyRestart: true, nextSequence: 10 },
        fixedClock(now),
      ),
    ).toBe("already_issued");
    expect(
      await saveSeries(
        handle.db,
        t,
        { type: "invoice", pattern: "INV{YYYY}-{NNNN}", yearlyRestart: true, nextSequence: null },
        fixedClock(now),
      ),
    ).toBe("saved");
    const second = await finaliseDocument(
      handle.db,
      t,
      { documentId: await createConcept(handle.db, t, concept()) },
      fixedClock(now),
    );
    expect(second.number).toBe("INV2026-0149");
  });

  it("refuses a format that could repeat another series' numbers", async () => {
    expect(
      await saveSeries(
        handle.db,
        t,
        {
          type: "credit_note",
          pattern: "INV{YYYY}-{NNNNN}",
          yearlyRestart: true,
          nextSequence: null,
        },
        fixedClock(now),
      ),
    ).toBe("clash");
    expect(
      (await listSeries(handle.db, t, now)).find((s) => s.type === "credit_note")?.pattern,
    ).toBe("CN{YYYY}-{NNNN}");
  });

  it("does not carry a migration start into the next year", async () => {
    const next = (await listSeries(handle.db, t, new Date("2027-01-02T10:00:00Z"))).find(
      (s) => s.type === "invoice",
    );
    expect(next?.nextSequence).toBe(1);
  });
});
