import { randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companySettingsSchema } from "@/lib/company/company-schema";
import type { DbHandle } from "../client";
import { memberships, organisations } from "../schema";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "../testing/test-db";
import {
  deleteLogo,
  getLogo,
  getOrganisation,
  listUserOrganisations,
  saveLogo,
  updateCompanySettings,
} from "./organisations";
import { createOrganisationWithOwner } from "@/lib/company/create-organisation-with-owner";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle?.close());

describe("organisations", () => {
  it("makes the creator the owner", async () => {
    const user = await createUser(handle.db);
    const org = await createOrg(handle.db, user.id);
    const rows = await handle.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organisationId, org.id), eq(memberships.userId, user.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.role).toBe("owner");
    expect(org).toMatchObject({ country: "BE", defaultLanguage: "fr", currency: "EUR" });
  });

  it("creates nothing when the owner cannot be added", async () => {
    const legalName = `Orphan ${uniqueSuffix()}`;
    await expect(
      createOrganisationWithOwner(handle.db, `missing-${randomUUID()}`, {
        legalName,
        vatNumber: null,
        street: "",
        postalCode: "",
        city: "",
        country: "BE",
        iban: null,
      }),
    ).rejects.toThrow();
    // The membership insert failed, so the transaction must have undone the organisation.
    expect(
      await handle.db.select().from(organisations).where(eq(organisations.legalName, legalName)),
    ).toHaveLength(0);
  });

  it("lists a user's organisations, oldest first, and only theirs", async () => {
    const user = await createUser(handle.db);
    const other = await createUser(handle.db);
    const first = await createOrg(handle.db, user.id, `First ${uniqueSuffix()}`);
    const second = await createOrg(handle.db, user.id, `Second ${uniqueSuffix()}`);
    await createOrg(handle.db, other.id);

    expect(await listUserOrganisations(handle.db, user.id)).toEqual([
      { id: first.id, legalName: first.legalName, role: "owner" },
      { id: second.id, legalName: second.legalName, role: "owner" },
    ]);
    expect(await listUserOrganisations(handle.db, `nobody-${randomUUID()}`)).toEqual([]);
  });

  it("updates company settings of that organisation only", async () => {
    const user = await createUser(handle.db);
    const org = await createOrg(handle.db, user.id);
    const untouched = await createOrg(handle.db, user.id);
    const settings = companySettingsSchema.parse({
      legalName: "Dupont & Fils SRL",
      street: "Meir 1",
      postalCode: "2000",
      city: "Antwerpen",
      country: "BE",
      vatNumber: "BE 0403.170.701",
      iban: "BE68 5390 0754 7034",
      bic: "gebabebb",
      emailSenderName: "Dupont",
      emailReplyTo: "facturen@dupont.be",
      defaultLanguage: "nl",
      legalForm: "bv",
      enterpriseNumber: "",
      registerCourt: "Antwerpen, afdeling Antwerpen",
      registeredStreet: "",
      registeredPostalCode: "",
      registeredCity: "",
      inLiquidation: false,
      contactEmail: "info@dupont.be",
      phone: "03 123 45 67",
      website: "dupont.be",
      vatFranchise: false,
      languageRule: "auto",
    });

    await updateCompanySettings(handle.db, org.id, settings);

    const updated = await getOrganisation(handle.db, org.id);
    expect(updated).toMatchObject({
      legalName: "Dupont & Fils SRL",
      city: "Antwerpen",
      vatNumber: "BE0403170701",
      iban: "BE68539007547034",
      bic: "GEBABEBB",
      emailReplyTo: "facturen@dupont.be",
      defaultLanguage: "nl",
      legalForm: "bv",
      registerCourt: "Antwerpen, afdeling Antwerpen",
      contactEmail: "info@dupont.be",
      website: "dupont.be",
    });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(org.updatedAt.getTime());
    expect(await getOrganisation(handle.db, untouched.id)).toEqual(untouched);
  });

  it("fails loudly for an unknown organisation", async () => {
    await expect(getOrganisation(handle.db, randomUUID())).rejects.toThrow(/not found/);
  });
});

describe("logos", () => {
  it("saves, replaces and deletes the logo, bytes intact", async () => {
    const user = await createUser(handle.db);
    const org = await createOrg(handle.db, user.id);
    const neighbour = await createOrg(handle.db, user.id);
    // Every byte value, so encoding bugs (text vs bytea, hex escapes) show up.
    const png = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const svg = randomBytes(1024);

    expect(await getLogo(handle.db, org.id)).toBeNull();

    await saveLogo(handle.db, org.id, { contentType: "image/png", data: png });
    await saveLogo(handle.db, neighbour.id, {
      contentType: "image/jpeg",
      data: Buffer.from("jpeg"),
    });
    const saved = await getLogo(handle.db, org.id);
    expect(saved?.contentType).toBe("image/png");
    expect(Buffer.isBuffer(saved?.data)).toBe(true);
    expect(saved?.data.equals(png)).toBe(true);

    await saveLogo(handle.db, org.id, { contentType: "image/svg+xml", data: svg });
    const replaced = await getLogo(handle.db, org.id);
    expect(replaced?.contentType).toBe("image/svg+xml");
    expect(replaced?.data.equals(svg)).toBe(true);

    await deleteLogo(handle.db, org.id);
    expect(await getLogo(handle.db, org.id)).toBeNull();
    expect((await getLogo(handle.db, neighbour.id))?.data.toString()).toBe("jpeg");
  });
});
