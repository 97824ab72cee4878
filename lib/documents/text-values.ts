import { formatMoney } from "@/lib/money";
import { formatStructuredCommunication } from "@/lib/structured-communication/format-structured-communication";
import type { TextLanguage, TextValues } from "./default-texts";
import { amountDue } from "./document-state";

/** The placeholder values of a document, formatted for the reader's language. */
export function documentTextValues(input: {
  language: TextLanguage;
  number: string | null;
  sourceName: string | null;
  customerName: string | null;
  totalCents: number;
  /** What is still to pay; the total when not given. */
  paidCents?: number;
  currency: string;
  dueDate: string | null;
  structuredCommunication: string | null;
  companyName: string;
  paymentLink?: string | null;
}): TextValues {
  const locale = `${input.language}-BE` as const;
  return {
    number: input.number ?? "",
    orderName: input.sourceName ?? "",
    customerName: input.customerName ?? "",
    total: formatMoney(input.totalCents, input.currency, locale),
    amountDue: formatMoney(
      amountDue({ totalCents: input.totalCents, paidCents: input.paidCents ?? 0 }),
      input.currency,
      locale,
    ),
    dueDate: input.dueDate
      ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
          new Date(`${input.dueDate}T00:00:00Z`),
        )
      : "",
    structuredCommunication: input.structuredCommunication
      ? formatStructuredCommunication(input.structuredCommunication)
      : "",
    companyName: input.companyName,
    paymentLink: input.paymentLink ?? "",
  };
}
