import type { FixedVatAmount } from "./document-totals-types";
import { assertVatTreatment, vatGroupKey, type VatCategory } from "./vat-category";
import { VatError } from "./vat-error";

export interface FixedVatLookup {
  take(country: string, category: VatCategory, rateBp: number): bigint | undefined;
  /** An amount for a group without lines would silently vanish from the totals. */
  assertAllUsed(): void;
}

/** Checks the source's VAT amounts once and hands each to its (category, rate) group. */
export function takeFixedVat(amounts: readonly FixedVatAmount[]): FixedVatLookup {
  const pending = new Map<string, bigint>();
  for (const amount of amounts) {
    const key = vatGroupKey(fixedTreatment(amount));
    if (!Number.isSafeInteger(amount.vatCents)) {
      throw new VatError("invalid_fixed_vat", `fixed VAT for ${key} is not whole cents`);
    }
    if (amount.category !== "S" && amount.vatCents !== 0) {
      throw new VatError("invalid_fixed_vat", `category ${amount.category} cannot carry VAT`);
    }
    if (pending.has(key)) throw new VatError("invalid_fixed_vat", `fixed VAT for ${key} twice`);
    pending.set(key, BigInt(amount.vatCents));
  }
  return {
    take(country, category, rateBp) {
      const key = vatGroupKey({ country, category, rateBp });
      const value = pending.get(key);
      pending.delete(key);
      return value;
    },
    assertAllUsed() {
      const left = [...pending.keys()];
      if (left.length > 0) {
        throw new VatError("unmatched_fixed_vat", `fixed VAT for ${left.join(", ")} has no lines`);
      }
    },
  };
}

function fixedTreatment(amount: FixedVatAmount) {
  try {
    return assertVatTreatment({
      category: amount.category,
      rateBp: amount.rateBp,
      ...(amount.country !== undefined ? { country: amount.country } : {}),
    });
  } catch (error) {
    if (error instanceof VatError) throw new VatError("invalid_fixed_vat", error.message);
    throw error;
  }
}
