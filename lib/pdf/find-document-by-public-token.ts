import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { documents } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { documentStatuses, isFinalised } from "@/lib/documents/document-lifecycle";

/** Tokens are 24 random bytes in base64url (32 characters); anything else is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;
const finalisedStatuses = documentStatuses.filter(isFinalised);

export interface PublicDocumentRef {
  readonly tenant: Tenant;
  readonly documentId: string;
}

/**
 * The customer's link to a document's PDF. The token is the only credential, so
 * this is the one query that does not start from a tenant: it finds the document
 * by its exact token, finalised documents only (concepts and cancelled documents
 * are never public), and returns the tenant every later query is scoped to.
 */
export async function findDocumentByPublicToken(
  db: Db,
  token: string,
): Promise<PublicDocumentRef | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select({ id: documents.id, organisationId: documents.organisationId })
    .from(documents)
    .where(and(eq(documents.publicToken, token), inArray(documents.status, finalisedStatuses)))
    .limit(1);
  return row ? { tenant: tenant(row.organisationId), documentId: row.id } : null;
}
