import { describe, expect, it } from "vitest";
import { parseCustomerVatNumber } from "./customer-vat-number";

describe("parseCustomerVatNumber", () => {
  it.each([
    ["BE 0403.170.701", "BE0403170701"],
    ["0403170701", "BE0403170701"],
    ["be0403-170-701", "BE0403170701"],
    ["403170701", "BE0403170701"],
    ["NL 8530.53.481.B01", "NL853053481B01"],
    ["fr40303265045", "FR40303265045"],
    ["DE 129273398", "DE129273398"],
    ["EL094014201", "EL094014201"],
  ])("accepts %s as %s", (input, value) => {
    expect(parseCustomerVatNumber(input)).toEqual({ ok: true, value });
  });

  it.each([
    ["BE0403170702", "checksum"],
    ["BE2403170701", "first_digit"],
    ["BE04031707", "format"],
    ["12345", "format"],
    ["NL", "foreign_format"],
    ["Dupont SRL", "foreign_format"],
    ["N1 234", "foreign_format"],
    ["US 12-3456789", "foreign_format"],
    ["NLABCDEFGH", "foreign_format"],
  ])("refuses %s (%s)", (input, problem) => {
    expect(parseCustomerVatNumber(input)).toEqual({ ok: false, problem });
  });
});
