import type { DocumentRow } from "@/db/queries/documents";
import type { TextLanguage, TextValues } from "@/lib/documents/default-texts";
import { documentTextValues } from "@/lib/documents/text-values";

/** Obviously made-up values for a merchant who has no document of this type yet. */
export interface SampleDocument {
  number: string;
  customerName: string;
  dueDate: string;
}

/**
 * The placeholder values the preview shows in one language: those of the merchant's
 * most recent document of the type, or the sample. The payment link stays empty, as in
 * the emails sent today.
 */
export function previewValues(input: {
  language: TextLanguage;
  latest: DocumentRow | null;
  sample: SampleDocument;
  companyName: string;
}): TextValues {
  const { latest, sample } = input;
  return documentTextValues({
    language: input.language,
    companyName: input.companyName,
    ...(latest
      ? {
          number: latest.number,
          sourceName: latest.sourceName,
          customerName: latest.customer?.name ?? null,
          totalCents: latest.totalCents,
          currency: latest.currency,
          dueDate: latest.dueDate,
          structuredCommunication: latest.structuredCommunication,
        }
      : {
          number: sample.number,
          sourceName: "#1001",
          customerName: sample.customerName,
          totalCents: 12100,
          currency: "EUR",
          dueDate: sample.dueDate,
          structuredCommunication: "123000004278",
        }),
  });
}
