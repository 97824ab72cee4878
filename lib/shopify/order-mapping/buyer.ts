import { buyerVatNumber } from "./buyer-vat-number";
import { cleanText, truncateText } from "./line-text";
import type { ShopifyAddress, ShopifyNoteAttribute, ShopifyOrder } from "./order-types";

export interface MappedAddress {
  readonly name: string | null;
  readonly company: string | null;
  /** address1, address2 joined: "Sint-Pietersnieuwstraat 41, bus 3". */
  readonly street: string;
  /** address1 and address2 apart ("Sint-Pietersnieuwstraat 41", "bus 3"), for the snapshot. */
  readonly line1: string;
  readonly line2: string | null;
  readonly postalCode: string;
  readonly city: string;
  readonly province: string | null;
  /** ISO 3166-1 alpha-2, or "" when Shopify gave none. */
  readonly countryCode: string;
  /** Printable lines, in order: name, company, street, postcode + city, province, country. */
  readonly lines: readonly string[];
}

export interface MappedBuyer {
  readonly name: string | null;
  readonly company: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly billingAddress: MappedAddress | null;
  readonly shippingAddress: MappedAddress | null;
  /** Billing country, else shipping country. */
  readonly countryCode: string | null;
  readonly vatNumber: string | null;
  /** VAT-number-like attributes that did not validate (kept as a note, not printed as VAT number). */
  readonly rejectedVatNumbers: readonly ShopifyNoteAttribute[];
  readonly shopifyCustomerId: string | null;
  readonly shopifyCustomerGid: string | null;
}

/** Same limits as the customer form (lib/customers/customer-schema.ts). */
const field = (value: string | null | undefined, max: number): string | null => {
  const text = cleanText(value);
  return text ? truncateText(text, max) : null;
};

const joinName = (first: string | null | undefined, last: string | null | undefined) =>
  [first, last].filter(Boolean).join(" ") || null;

function mapAddress(address: ShopifyAddress | null): MappedAddress | null {
  if (!address) return null;
  const name = field(address.name ?? joinName(address.firstName, address.lastName), 200);
  const company = field(address.company, 200);
  const street = field([address.address1, address.address2].filter(Boolean).join(", "), 200);
  const first = field(address.address1, 200);
  const second = field(address.address2, 200);
  const postalCode = field(address.zip, 20) ?? "";
  const city = field(address.city, 100) ?? "";
  const province = field(address.province, 100);
  const code = address.countryCode ?? "";
  const countryCode = /^[A-Z]{2}$/.test(code) ? code : "";
  const lines = [
    name,
    company,
    street,
    [postalCode, city].filter(Boolean).join(" "),
    province,
    field(address.country, 100) ?? countryCode,
  ].filter((line): line is string => Boolean(line));
  return {
    name,
    company,
    street: street ?? "",
    line1: first ?? second ?? "",
    line2: first ? second : null,
    postalCode,
    city,
    province,
    countryCode,
    lines,
  };
}

export function mapBuyer(order: ShopifyOrder): MappedBuyer {
  const billing = mapAddress(order.billingAddress);
  const shipping = mapAddress(order.shippingAddress);
  const customer = order.customer;
  const vat = buyerVatNumber(order.noteAttributes);
  return {
    name:
      billing?.name ??
      field(joinName(customer?.firstName, customer?.lastName), 200) ??
      shipping?.name ??
      null,
    company: billing?.company ?? shipping?.company ?? null,
    email: field(order.email ?? customer?.email, 254),
    phone: field(order.billingAddress?.phone ?? order.phone ?? customer?.phone, 50),
    billingAddress: billing,
    shippingAddress: shipping,
    countryCode: billing?.countryCode || shipping?.countryCode || null,
    vatNumber: vat.vatNumber,
    rejectedVatNumbers: vat.rejected,
    shopifyCustomerId: customer?.id ?? null,
    shopifyCustomerGid: customer?.gid ?? null,
  };
}
