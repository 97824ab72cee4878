import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  customerSchema,
  emptyCustomerInput,
  type CustomerInput,
} from "@/lib/customers/customer-schema";
import type { DbHandle } from "../client";
import { tenant, type Tenant } from "../tenant";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "../testing/test-db";
import {
  createCustomer,
  findCustomerForOrder,
  getCustomer,
  searchCustomers,
  updateCustomer,
} from "./customers";

let handle: DbHandle;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  const user = await createUser(handle.db);
  a = tenant((await createOrg(handle.db, user.id)).id);
  b = tenant((await createOrg(handle.db, user.id)).id);
});
afterAll(() => handle?.close());

const fields = (over: Partial<CustomerInput> = {}) =>
  customerSchema.parse({ ...emptyCustomerInput, name: "Marie Dubois", ...over });

describe("customers", () => {
  it("creates and reads a customer within its organisation only", async () => {
    const id = await createCustomer(
      handle.db,
      a,
      fields({ company: "Dubois SRL", vatNumber: "BE 0403.170.701", billingCity: "Namur" }),
    );
    expect(await getCustomer(handle.db, a, id)).toMatchObject({
      organisationId: a.organisationId,
      name: "Marie Dubois",
      company: "Dubois SRL",
      vatNumber: "BE0403170701",
      billingCity: "Namur",
      billingCountry: "BE",
      deliveryStreet: null,
    });
    expect(await getCustomer(handle.db, b, id)).toBeNull();
  });

  it("updates a customer, and another organisation cannot", async () => {
    const id = await createCustomer(handle.db, b, fields({ name: "Jan Peeters" }));
    const before = await getCustomer(handle.db, b, id);

    expect(await updateCustomer(handle.db, a, id, fields({ name: "Hijacked" }))).toBe(false);
    expect(await getCustomer(handle.db, b, id)).toEqual(before);

    const changed = fields({
      name: "Jan Peeters",
      language: "nl",
      hasDelivery: true,
      deliveryStreet: "Meir 1",
      deliveryCity: "Antwerpen",
    });
    expect(await updateCustomer(handle.db, b, id, changed)).toBe(true);
    expect(await getCustomer(handle.db, b, id)).toMatchObject({
      language: "nl",
      deliveryStreet: "Meir 1",
      deliveryCountry: "BE",
    });
  });

  it("searches name, company and email, ignoring case, and pages the result", async () => {
    const user = await createUser(handle.db);
    const t = tenant((await createOrg(handle.db, user.id)).id);
    const tag = uniqueSuffix();
    await createCustomer(handle.db, t, fields({ name: `Alice ${tag}` }));
    await createCustomer(handle.db, t, fields({ name: "Bob", company: `Bakkerij ${tag}` }));
    await createCustomer(handle.db, t, fields({ name: "Chloé", email: `chloe.${tag}@EXAMPLE.be` }));
    await createCustomer(handle.db, t, fields({ name: "Zoë 100%" }));
    await createCustomer(handle.db, a, fields({ name: `Other org ${tag}` }));

    const found = await searchCustomers(handle.db, t, { search: tag.toUpperCase() });
    expect(found.rows.map((r) => r.name)).toEqual([`Alice ${tag}`, "Bob", "Chloé"]);
    expect(found.total).toBe(3);
    expect((await searchCustomers(handle.db, t, { search: "example.BE" })).total).toBe(1);
    // LIKE wildcards typed by the merchant are literal.
    expect((await searchCustomers(handle.db, t, { search: "0%" })).rows.map((r) => r.name)).toEqual(
      ["Zoë 100%"],
    );

    const page2 = await searchCustomers(handle.db, t, { page: 2, pageSize: 3 });
    expect(page2).toMatchObject({ total: 4, page: 2, pageCount: 2 });
    expect(page2.rows.map((r) => r.name)).toEqual(["Zoë 100%"]);
  });

  it("finds an order's customer by Shopify id first, then by email ignoring case", async () => {
    const user = await createUser(handle.db);
    const t = tenant((await createOrg(handle.db, user.id)).id);
    const byEmail = await createCustomer(handle.db, t, fields({ email: "Marie@Example.be" }));
    const byShopify = await createCustomer(handle.db, t, {
      ...fields({ name: "Shopify Marie", email: "other@example.be" }),
      shopifyCustomerId: "gid-1001",
    });
    // The same Shopify id in another organisation is another customer.
    await createCustomer(handle.db, a, { ...fields(), shopifyCustomerId: "gid-1001" });

    const find = (order: { shopifyCustomerId?: string | null; email?: string | null }) =>
      findCustomerForOrder(handle.db, t, order).then((c) => c?.id ?? null);
    expect(await find({ shopifyCustomerId: "gid-1001", email: "marie@example.be" })).toBe(
      byShopify,
    );
    expect(await find({ shopifyCustomerId: "gid-9999", email: " MARIE@example.BE " })).toBe(
      byEmail,
    );
    expect(await find({ shopifyCustomerId: null, email: "marie@example.be" })).toBe(byEmail);
    expect(await find({ shopifyCustomerId: "gid-9999", email: "nobody@example.be" })).toBeNull();
    expect(await find({ email: "" })).toBeNull();
    // Org A's customer with this email is invisible to t, and t's to A.
    expect(await findCustomerForOrder(handle.db, b, { email: "marie@example.be" })).toBeNull();
  });
});
