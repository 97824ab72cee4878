/** What the measurements can see of a server whose database the bench cannot open (PGlite). */
export async function countDocumentsOverApi(origin: string, apiKey: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const response = await fetch(`${origin}/api/v1/documents?limit=200${query}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    if (!response.ok) throw new Error(`Document list answered ${response.status}`);
    const page = (await response.json()) as { data: unknown[]; next_cursor: string | null };
    count += page.data.length;
    cursor = page.next_cursor;
  } while (cursor);
  return count;
}
