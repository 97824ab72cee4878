import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { ListPagination } from "@/components/customers/list-pagination";
import { ListSearch } from "@/components/customers/list-search";
import { ListPageHeader } from "@/components/ui/list-page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { searchCustomers } from "@/db/queries/customers";
import { listQuery } from "@/lib/customers/list-query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customers"))("title") };
}

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, tenant } = await requireOrg();
  const t = await getTranslations("customers");
  const { search, page } = listQuery(await searchParams);
  const result = await searchCustomers(db, tenant, { search, page });
  const header = (
    <ListPageHeader
      title={t("title")}
      intro={t("intro")}
      newHref="/customers/new"
      newLabel={t("new")}
    />
  );
  if (result.total === 0 && !search) {
    return (
      <>
        {header}
        <EmptyState
          title={t("emptyTitle")}
          text={t("emptyText")}
          action={{ href: "/customers/new", label: t("new") }}
        />
      </>
    );
  }
  return (
    <>
      {header}
      <ListSearch
        action="/customers"
        search={search}
        labels={{
          label: t("search.label"),
          placeholder: t("search.placeholder"),
          submit: t("search.submit"),
          clear: t("search.clear"),
        }}
      />
      <p className="muted" role="status">
        {result.total === 0
          ? t("search.noResults", { search })
          : t("count", { count: result.total })}
      </p>
      {result.rows.length > 0 && (
        <div className="table-wrap">
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.company")}</th>
                <th scope="col">{t("columns.email")}</th>
                <th scope="col">{t("columns.vatNumber")}</th>
                <th scope="col">{t("columns.city")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/customers/${c.id}`}>{c.name}</Link>
                  </td>
                  <td>{c.company}</td>
                  <td>{c.email}</td>
                  <td>{c.vatNumber}</td>
                  <td>
                    {c.billingCity}
                    {c.billingCountry !== "BE" && c.billingCity ? ` (${c.billingCountry})` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListPagination
        basePath="/customers"
        search={search}
        page={result.page}
        pageCount={result.pageCount}
        labels={{
          label: t("pagination.label"),
          previous: t("pagination.previous"),
          next: t("pagination.next"),
          status: t("pagination.status", { page: result.page, pageCount: result.pageCount }),
        }}
      />
    </>
  );
}
