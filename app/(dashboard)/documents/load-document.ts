import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { Db } from "@/db";
import { getDocument } from "@/db/queries/documents";
import type { Tenant } from "@/db/tenant";

/** The tenant's document for a page, or the 404 page (also for an id that is not a uuid). */
export async function loadDocumentOr404(db: Db, t: Tenant, id: string) {
  if (!z.string().uuid().safeParse(id).success) notFound();
  const found = await getDocument(db, t, id);
  if (!found) notFound();
  return found;
}
