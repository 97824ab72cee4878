import { describe, expect, it } from "vitest";
import { customerSchema, emptyCustomerInput, type CustomerInput } from "./customer-schema";

const input = (over: Partial<CustomerInput>): CustomerInput => ({
  ...emptyCustomerInput,
  name: "Marie Dubois",
  ...over,
});

function errors(value: CustomerInput) {
  const parsed = customerSchema.safeParse(value);
  return parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("customerSchema", () => {
  it("normalises and turns empty optional fields into null", () => {
    const parsed = customerSchema.parse(
      input({ company: "  ", vatNumber: "be 0403.170.701", email: " marie@example.be " }),
    );
    expect(parsed).toMatchObject({
      name: "Marie Dubois",
      company: null,
      vatNumber: "BE0403170701",
      email: "marie@example.be",
      deliveryStreet: null,
      deliveryCountry: null,
    });
    expect(parsed).not.toHaveProperty("hasDelivery");
  });

  it("keeps a foreign EU number as text and refuses one without a country prefix", () => {
    expect(customerSchema.parse(input({ vatNumber: "NL853053481B01" })).vatNumber).toBe(
      "NL853053481B01",
    );
    expect(errors(input({ vatNumber: "Dupont SRL" }))).toEqual({
      vatNumber: "customers.validation.foreignVat",
    });
    expect(errors(input({ vatNumber: "BE0403170702" }))).toEqual({
      vatNumber: "validation.vat.checksum",
    });
  });

  it("asks for a name and a valid email", () => {
    expect(errors(input({ name: " ", email: "not-an-email" }))).toEqual({
      name: "validation.required",
      email: "validation.email",
    });
  });

  it("requires street and city of a delivery address only when there is one", () => {
    expect(errors(input({ hasDelivery: true }))).toEqual({
      deliveryStreet: "validation.required",
      deliveryCity: "validation.required",
    });
    const parsed = customerSchema.parse(
      input({
        hasDelivery: true,
        deliveryStreet: "Meir 1",
        deliveryPostalCode: "2000",
        deliveryCity: "Antwerpen",
        deliveryCountry: "BE",
      }),
    );
    expect(parsed).toMatchObject({ deliveryStreet: "Meir 1", deliveryCountry: "BE" });
  });
});
