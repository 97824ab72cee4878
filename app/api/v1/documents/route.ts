import { apiError, withApiKey } from "@/app/_server/with-api-key";
import { decodeCursor, listDocuments } from "@/db/queries/documents";
import { documentFiltersSchema } from "@/lib/documents/document-filters";

export const dynamic = "force-dynamic";

/** GET /api/v1/documents: newest first, keyset-paginated with `cursor`. */
export const GET = withApiKey(async (request, { db, tenant }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = documentFiltersSchema.safeParse(params);
  if (!parsed.success) {
    return apiError(
      400,
      "invalid_filter",
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  }
  const f = parsed.data;
  const cursor = decodeCursor(f.cursor);
  if (f.cursor && !cursor)
    return apiError(400, "invalid_cursor", "This cursor is not one we gave you.");
  const page = await listDocuments(
    db,
    tenant,
    {
      ...(f.type ? { type: f.type } : {}),
      ...(f.status ? { status: f.status } : {}),
      ...(f.customer_id ? { customerId: f.customer_id } : {}),
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
      ...(f.shopify_order_id ? { sourceId: f.shopify_order_id } : {}),
      ...(f.q ? { search: f.q } : {}),
    },
    cursor,
    f.limit,
  );
  return Response.json({
    data: page.rows.map((row) => ({
      id: row.id,
      type: row.type,
      status: row.status,
      number: row.number,
      issue_date: row.issueDate,
      customer_name: row.customer?.name ?? null,
      total_cents: row.totalCents,
      currency: row.currency,
      shopify_order_name: row.source === "shopify" ? row.sourceName : null,
    })),
    next_cursor: page.nextCursor,
  });
});
