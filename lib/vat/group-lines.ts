import type { DocumentLineInput, PriceMode } from "./document-totals-types";
import { HOME_VAT_COUNTRY } from "./member-states";
import { compareVatTreatments, vatGroupKey, type VatCategory } from "./vat-category";
import { VatError } from "./vat-error";

export interface LineGroup {
  readonly country: string;
  readonly category: VatCategory;
  readonly rateBp: number;
  readonly priceMode: PriceMode;
  readonly indexes: number[];
}

/**
 * Groups lines per (member state, category, rate), in breakdown order: Dutch VAT at 21 %
 * is not Belgian VAT at 21 % (each is reported to its own state). One group has one price
 * mode: an entered gross and a VAT computed on the group's net cannot both be
 * honoured once excl and incl lines share a rate, so that mix is refused.
 */
export function groupLines(lines: readonly DocumentLineInput[]): LineGroup[] {
  const groups = new Map<string, LineGroup>();
  lines.forEach((line, index) => {
    const treatment = {
      country: line.vatCountry ?? HOME_VAT_COUNTRY,
      category: line.vatCategory,
      rateBp: line.vatRateBp,
    };
    const key = vatGroupKey(treatment);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { ...treatment, priceMode: line.priceMode, indexes: [index] });
    } else if (group.priceMode !== line.priceMode) {
      const message = `VAT group ${key} mixes prices excl. and incl. VAT`;
      throw new VatError("mixed_price_modes", message, index);
    } else {
      group.indexes.push(index);
    }
  });
  return [...groups.values()].sort(compareVatTreatments);
}
