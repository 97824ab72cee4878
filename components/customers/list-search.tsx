import Link from "next/link";

/**
 * A GET form: the search lives in the URL, so it works without JavaScript, survives a
 * reload and can be shared.
 */
export function ListSearch({
  action,
  search,
  labels,
  keep = {},
}: {
  action: string;
  search: string;
  /** Other filters of the list, sent along with the search. */
  keep?: Record<string, string>;
  labels: { label: string; placeholder: string; submit: string; clear: string };
}) {
  return (
    <form
      action={action}
      method="get"
      role="search"
      className="card"
      style={{ display: "flex", gap: "1rem", flexWrap: "wrap" }}
    >
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field" style={{ flex: "1 1 220px" }}>
        <label htmlFor="q">{labels.label}</label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={search}
          placeholder={labels.placeholder}
        />
      </div>
      <div className="form-actions" style={{ alignSelf: "flex-end", flexWrap: "wrap" }}>
        <button type="submit" className="btn">
          {labels.submit}
        </button>
        {search && <Link href={action}>{labels.clear}</Link>}
      </div>
    </form>
  );
}
