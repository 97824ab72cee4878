import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { BULK_SEND_FORM_ID, BulkSendForm } from "@/components/documents/bulk-send-form";
import { DocumentFiltersForm } from "@/components/documents/document-filters";
import styles from "@/components/documents/documents.module.css";
import { belgianLocale, formatCalendarDate } from "@/components/documents/format";
import {
  documentsHref,
  hasFilters,
  parseListQuery,
  type SearchParams,
} from "@/components/documents/list-filters";
import { StatusBadge } from "@/components/documents/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { decodeCursor, listDocuments } from "@/db/queries/documents";
import { latestTransmissionsOf, listWaitingTransmissions } from "@/db/queries/peppol-transmissions";
import { getOrganisation } from "@/db/queries/organisations";
import { getPeppolSettings } from "@/db/queries/peppol-settings";
import { PeppolRegisterCard } from "@/components/peppol/register-card";
import { partyEnterpriseNumber } from "@/lib/peppol/party-endpoint";
import { peppolDocumentStatus, peppolStatusNeedsAction } from "@/lib/peppol/send/peppol-status";
import { countLowStockArticles } from "@/db/queries/articles";
import { LowStockNotice } from "@/components/articles/low-stock-notice";
import { brusselsToday } from "@/lib/calendar/brussels-date";
import { issueDeadlineFlag } from "@/lib/documents/document-state";
import { formatMoney } from "@/lib/money";
import { listCustomerOptions } from "./customer-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents"))("title") };
}

export default async function DocumentsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams & { welcome?: string }>;
}) {
  const { db, tenant } = await requireOrg();
  const query = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("documents"), getLocale()]);
  const intl = belgianLocale(locale);
  const { filters, cursor } = parseListQuery(query);
  const [{ rows, nextCursor }, customers, lowStock] = await Promise.all([
    listDocuments(db, tenant, filters, decodeCursor(cursor)),
    listCustomerOptions(db, tenant),
    countLowStockArticles(db, tenant),
  ]);
  // Peppol first: where each Belgian business's invoice stands on the network.
  const transmissions = await latestTransmissionsOf(
    db,
    tenant,
    rows.map((row) => row.id),
  );
  // Peppol: asked right after onboarding, and while Belgian B2B invoices wait for it.
  const [organisation, peppolSettings, waitingForPeppol] = await Promise.all([
    getOrganisation(db, tenant.organisationId),
    getPeppolSettings(db, tenant),
    listWaitingTransmissions(db, tenant),
  ]);
  const askPeppol =
    !peppolSettings?.senderId &&
    partyEnterpriseNumber({ vatNumber: organisation.vatNumber }) !== null &&
    (query.welcome === "1" || waitingForPeppol.length > 0);
  const peppolAsk = askPeppol ? <PeppolRegisterCard waiting={waitingForPeppol.length} /> : null;
  const filtered = hasFilters(filters) || cursor !== null;
  const onlyConcepts =
    filters.status === "concept" && Object.keys(filters).length === 1 && cursor === null;
  const hasConcepts = rows.some((row) => row.status === "concept");
  const today = brusselsToday();

  const header = (
    <div className={`page-header ${styles.headerRow}`}>
      <h1>{t("title")}</h1>
      <Link href="/documents/new" className="btn btn-primary">
        {t("newDocument")}
      </Link>
    </div>
  );

  if (rows.length === 0 && !filtered) {
    return (
      <>
        {header}
        {peppolAsk}
        <EmptyState
          title={t("emptyTitle")}
          text={`${t("emptyText")} ${t("emptyOrCreate")}`}
          action={{ href: "/apps", label: t("emptyAction") }}
        />
      </>
    );
  }

  return (
    <>
      {header}
      {peppolAsk}
      <LowStockNotice count={lowStock} />
      <nav aria-label={t("quick.label")} className={styles.quickFilters}>
        <Link href="/documents" aria-current={!filtered ? "page" : undefined}>
          {t("quick.all")}
        </Link>
        <Link
          href={documentsHref({ status: "concept" })}
          aria-current={onlyConcepts ? "page" : undefined}
        >
          {t("quick.concepts")}
        </Link>
      </nav>
      <DocumentFiltersForm filters={filters} customers={customers} />
      {rows.length === 0 ? (
        <p className="card muted" role="status">
          {t("list.noResults")} <Link href="/documents">{t("list.clearFilters")}</Link>
        </p>
      ) : (
        <>
          {hasConcepts && <BulkSendForm />}
          <div className="table-wrap">
            <table className="list">
              <caption className="visually-hidden">{t("list.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t("list.select")}</span>
                  </th>
                  <th scope="col">{t("list.type")}</th>
                  <th scope="col">{t("list.number")}</th>
                  <th scope="col">{t("list.customer")}</th>
                  <th scope="col">{t("list.date")}</th>
                  <th scope="col" className={styles.amount}>
                    {t("list.total")}
                  </th>
                  <th scope="col">{t("list.status")}</th>
                  <th scope="col">{t("list.origin")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const customer =
                    row.customer?.company || row.customer?.name || t("list.noCustomer");
                  const label = `${t(`types.${row.type}`)} ${row.number ?? t("list.concept")}, ${customer}`;
                  // Art. 4: a concept invoice to issue soon, or late.
                  const deadline = issueDeadlineFlag(row, today);
                  const peppol = peppolDocumentStatus(row, transmissions.get(row.id) ?? null);
                  return (
                    <tr key={row.id}>
                      <td>
                        {row.status === "concept" && (
                          <input
                            type="checkbox"
                            name="ids"
                            value={row.id}
                            form={BULK_SEND_FORM_ID}
                            className={styles.checkbox}
                            aria-label={t("list.selectDocument", { label })}
                          />
                        )}
                      </td>
                      <td className={styles.nowrap}>{t(`types.${row.type}`)}</td>
                      <td className={styles.nowrap}>
                        <Link href={`/documents/${row.id}`} aria-label={t("list.open", { label })}>
                          {row.number ?? t("list.concept")}
                        </Link>
                      </td>
                      <td>{customer}</td>
                      <td className={styles.nowrap}>
                        {formatCalendarDate(row.issueDate, intl)}
                        {deadline && (
                          <span
                            className={`${styles.deadline} ${styles[`deadline-${deadline.state}`]}`}
                          >
                            {t(
                              deadline.state === "late" ? "list.deadlineLate" : "list.deadlineSoon",
                              {
                                date: formatCalendarDate(deadline.deadline, intl),
                              },
                            )}
                          </span>
                        )}
                      </td>
                      <td className={styles.amount}>
                        {formatMoney(row.totalCents, row.currency, intl)}
                      </td>
                      <td>
                        <StatusBadge status={row.status} />
                        {peppol && (
                          <span
                            className={`${styles.peppol} ${peppolStatusNeedsAction(peppol) ? styles["peppol-act"] : ""}`}
                            data-peppol-status={peppol}
                          >
                            {t(`list.peppol.${peppol}`)}
                          </span>
                        )}
                      </td>
                      <td className={styles.nowrap}>
                        {row.source === "shopify"
                          ? t("list.shopify", { name: row.sourceName ?? "" })
                          : t("list.manual")}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {(nextCursor || cursor) && (
        <nav className={styles.pager} aria-label={t("list.nextPage")}>
          {cursor && <Link href={documentsHref(filters)}>{t("list.firstPage")}</Link>}
          {nextCursor && (
            <Link href={documentsHref(filters, nextCursor)} className="btn">
              {t("list.nextPage")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
