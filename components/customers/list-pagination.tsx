import Link from "next/link";

/** Previous / next links that keep the search; shown only when there is more than one page. */
export function ListPagination({
  basePath,
  search,
  page,
  pageCount,
  labels,
  keep = {},
}: {
  basePath: string;
  search: string;
  /** Other filters of the list, kept from page to page. */
  keep?: Record<string, string>;
  page: number;
  pageCount: number;
  labels: { label: string; previous: string; next: string; status: string };
}) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(keep);
    if (search) params.set("q", search);
    if (target > 1) params.set("page", String(target));
    const query = params.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  return (
    <nav
      aria-label={labels.label}
      className="form-actions"
      style={{ marginTop: "1rem", flexWrap: "wrap" }}
    >
      {page > 1 && (
        <Link href={href(page - 1)} className="btn" rel="prev">
          ← {labels.previous}
        </Link>
      )}
      <span className="muted" aria-current="page">
        {labels.status}
      </span>
      {page < pageCount && (
        <Link href={href(page + 1)} className="btn" rel="next">
          {labels.next} →
        </Link>
      )}
    </nav>
  );
}
