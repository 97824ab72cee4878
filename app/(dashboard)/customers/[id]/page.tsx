import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { CustomerForm } from "@/components/customers/customer-form";
import { CustomerDocuments } from "@/components/customers/customer-documents";
import { getCustomer, type Customer } from "@/db/queries/customers";
import { decodeCursor, listDocuments } from "@/db/queries/documents";
import type { CustomerInput } from "@/lib/customers/customer-schema";
import { isUuid } from "@/lib/customers/list-query";
import type { IntlLocale } from "@/lib/money";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(id: string) {
  if (!isUuid(id)) notFound();
  const { db, tenant } = await requireOrg();
  const customer = await getCustomer(db, tenant, id);
  if (!customer) notFound();
  return { db, tenant, customer };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { customer } = await load((await params).id);
  return { title: customer.name };
}

function formValues(c: Customer): CustomerInput {
  return {
    name: c.name,
    company: c.company ?? "",
    vatNumber: c.vatNumber ?? "",
    email: c.email ?? "",
    language: c.language,
    billingStreet: c.billingStreet,
    billingPostalCode: c.billingPostalCode,
    billingCity: c.billingCity,
    billingCountry: c.billingCountry,
    hasDelivery: Boolean(c.deliveryStreet || c.deliveryCity),
    deliveryStreet: c.deliveryStreet ?? "",
    deliveryPostalCode: c.deliveryPostalCode ?? "",
    deliveryCity: c.deliveryCity ?? "",
    deliveryCountry: c.deliveryCountry ?? c.billingCountry,
  };
}

export default async function CustomerPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { db, tenant, customer } = await load(id);
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const after = (await searchParams).after;
  const cursor = decodeCursor(typeof after === "string" ? after : null);
  const documents = await listDocuments(db, tenant, { customerId: id }, cursor, 20);
  return (
    <>
      <div className="page-header">
        <Link href="/customers">← {t("customers.back")}</Link>
        <h1>{customer.name}</h1>
        {customer.company && <p>{customer.company}</p>}
      </div>
      <CustomerForm id={id} defaults={formValues(customer)} />
      <CustomerDocuments
        customerId={id}
        rows={documents.rows.map((d) => ({
          id: d.id,
          type: d.type,
          status: d.status,
          number: d.number,
          date: format.dateTime(new Date(`${d.issueDate}T12:00:00Z`), { dateStyle: "medium" }),
          total: d.totalCents,
          currency: d.currency,
        }))}
        nextCursor={documents.nextCursor}
        isFirstPage={!cursor}
        intlLocale={t("common.intlLocale") as IntlLocale}
      />
    </>
  );
}
