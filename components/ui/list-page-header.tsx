import Link from "next/link";

/** A list page's title and intro, with its "New …" button on the right. */
export function ListPageHeader(props: {
  title: string;
  intro: string;
  newHref: string;
  newLabel: string;
}) {
  return (
    <div
      className="page-header"
      style={{ display: "flex", gap: "1rem", flexWrap: "wrap", justifyContent: "space-between" }}
    >
      <div>
        <h1>{props.title}</h1>
        <p>{props.intro}</p>
      </div>
      <div>
        <Link href={props.newHref} className="btn btn-primary">
          {props.newLabel}
        </Link>
      </div>
    </div>
  );
}
