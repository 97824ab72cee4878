import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DocumentFilters } from "@/db/queries/documents";
import { documentStatuses, documentTypes } from "@/lib/documents/document-lifecycle";
import styles from "./documents.module.css";

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export function DocumentFiltersForm({
  filters,
  customers,
}: {
  filters: DocumentFilters;
  customers: { id: string; label: string }[];
}) {
  const t = useTranslations("documents");
  return (
    <form method="get" action="/documents" className="card" role="search">
      <fieldset>
        <legend className="muted" style={{ fontSize: "0.95rem" }}>
          {t("filters.legend")}
        </legend>
        <div className={`${styles.fields} ${styles.alignEnd}`}>
          <div className="field">
            <label htmlFor="filter-q">{t("filters.search")}</label>
            <input
              id="filter-q"
              name="q"
              type="search"
              defaultValue={filters.search ?? ""}
              aria-describedby="filter-q-hint"
              maxLength={100}
            />
            <span id="filter-q-hint" className="hint">
              {t("filters.searchHint")}
            </span>
          </div>
          <div className="field">
            <label htmlFor="filter-type">{t("filters.type")}</label>
            <select id="filter-type" name="type" defaultValue={filters.type ?? ""}>
              <option value="">{t("filters.anyType")}</option>
              {documentTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-status">{t("filters.status")}</label>
            <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
              <option value="">{t("filters.anyStatus")}</option>
              {documentStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`statuses.${status}`)}
                </option>
              ))}
            </select>
          </div>
          {customers.length > 0 && (
            <div className="field">
              <label htmlFor="filter-customer">{t("filters.customer")}</label>
              <select id="filter-customer" name="customer" defaultValue={filters.customerId ?? ""}>
                <option value="">{t("filters.anyCustomer")}</option>
                {customers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="filter-from">{t("filters.from")}</label>
            <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="filter-to">{t("filters.to")}</label>
            <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} />
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              {t("filters.apply")}
            </button>
            <Link href="/documents">{t("list.clearFilters")}</Link>
          </div>
        </div>
      </fieldset>
    </form>
  );
}
