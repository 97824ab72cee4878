import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { documents } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { concept, line } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { deleteConcept, getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { updateConcept } from "./update-concept";
import { DocumentTransitionError } from "@/lib/documents/document-lifecycle";
import { parseStructuredCommunication } from "@/lib/structured-communication/parse-structured-communication";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { fixedClock, systemClock } from "@/lib/calendar/clock";

let handle: DbHandle;
let t: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  const user = await createUser(handle.db);
  t = tenant((await createOrg(handle.db, user.id)).id);
});
afterAll(() => handle.close());

const nov = new Date("2026-11-28T10:00:00Z");

describe("finalising a document", () => {
  it("numbers 200 concurrent finalisations 1..200 with no gap and no duplicate", async () => {
    const ids = await Promise.all(
      Array.from({ length: 200 }, () => createConcept(handle.db, t, concept({}, "order_form"))),
    );
    // Several pool connections race for the same counter row (one on PGlite).
    const finalised = await Promise.all(
      ids.map((id) => finaliseDocument(handle.db, t, { documentId: id }, fixedClock(nov))),
    );
    const sequences = finalised.map((d) => d.sequence).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(sequences).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(finalised.map((d) => d.number)).size).toBe(200);
    expect(finalised.map((d) => d.number)).toContain("OF2026-0200");
    // 400 writes on one connection: a loaded CI machine took over 30 s.
  }, 120_000);

  it("deleted concepts leave no gap: numbers are taken at finalisation only", async () => {
    const a = await createConcept(handle.db, t, concept({}, "delivery_note"));
    const b = await createConcept(handle.db, t, concept({}, "delivery_note"));
    expect(await deleteConcept(handle.db, t, a)).toBe(true);
    expect((await finaliseDocument(handle.db, t, { documentId: b }, fixedClock(nov))).number).toBe(
      "DN2026-0001",
    );
  });

  it("gives an invoice a valid, unique structured communication, a due date and a legend", async () => {
    const first = await finaliseDocument(
      handle.db,
      t,
      { documentId: await createConcept(handle.db, t, concept()) },
      fixedClock(nov),
    );
    const second = await finaliseDocument(
      handle.db,
      t,
      { documentId: await createConcept(handle.db, t, concept()) },
      fixedClock(nov),
    );
    for (const invoice of [first, second]) {
      const parsed = parseStructuredCommunication(invoice.structuredCommunication ?? "");
      expect(parsed.ok).toBe(true);
    }
    expect(first.structuredCommunication).not.toBe(second.structuredCommunication);
    expect(first.dueDate).toBe("2026-12-28");
    expect(first.legend).toContain("+++");
  });

  it("keeps invoices and credit notes in separate series", async () => {
    const credit = await finaliseDocument(
      handle.db,
      t,
      { documentId: await createConcept(handle.db, t, concept({}, "credit_note")) },
      fixedClock(nov),
    );
    expect(credit.number).toBe("CN2026-0001");
    expect(credit.structuredCommunication).toBeNull();
  });

  it("makes a finalised document immutable", async () => {
    const id = await createConcept(
      handle.db,
      t,
      concept({ lines: [line({ unitPriceCents: 5000 })] }),
    );
    await finaliseDocument(handle.db, t, { documentId: id }, fixedClock(nov));
    await expect(
      updateConcept(
        handle.db,
        t,
        { documentId: id, concept: concept({ legend: "changed" }) },
        systemClock,
      ),
    ).rejects.toBeInstanceOf(DocumentTransitionError);
    await expect(
      finaliseDocument(handle.db, t, { documentId: id }, fixedClock(nov)),
    ).rejects.toBeInstanceOf(DocumentTransitionError);
    expect(await deleteConcept(handle.db, t, id)).toBe(false);
    const found = await getDocument(handle.db, t, id);
    expect(found?.document.totalCents).toBe(6050);
    expect(found?.events.map((e) => e.kind)).toEqual(["created", "finalised"]);
  });

  it("a failed finalisation gives its number back", async () => {
    const id = await createConcept(handle.db, t, concept({}, "invoice"));
    // A finalisation inside a transaction that is then rolled back (a crash after it).
    await handle.db
      .transaction(async (tx) => {
        await finaliseDocument(tx, t, { documentId: id }, fixedClock(nov));
        throw new Error("rollback");
      })
      .catch(() => undefined);
    const [row] = await handle.db.select().from(documents).where(eq(documents.id, id));
    expect(row?.status).toBe("concept");
    const next = await finaliseDocument(handle.db, t, { documentId: id }, fixedClock(nov));
    const numbers = (
      await handle.db
        .select({ n: documents.sequence })
        .from(documents)
        .where(t.where(documents, eq(documents.type, "invoice")))
    )
      .map((r) => r.n)
      .filter((n): n is number => n !== null)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(next.status).toBe("sent");
  });

  it("another organisation cannot finalise or read this one's document", async () => {
    const id = await createConcept(handle.db, t, concept());
    const other = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    await expect(
      finaliseDocument(handle.db, other, { documentId: id }, fixedClock(nov)),
    ).rejects.toThrow(/not found/);
    expect(await getDocument(handle.db, other, id)).toBeNull();
    expect(await deleteConcept(handle.db, other, id)).toBe(false);
  });
});
