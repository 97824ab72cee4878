import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

/**
 * The one way merchant data is read or written: every query goes through a Tenant,
 * which adds `organisation_id = …` to its conditions and stamps it on new rows.
 * The organisation id comes from the session or the API key, never from the request.
 */
export type TenantTable = PgTable & { organisationId: PgColumn };

export interface Tenant {
  readonly organisationId: string;
  /** `organisation_id = this tenant` AND every given condition. */
  where(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL;
  /** A new row, owned by this tenant whatever the caller passed. */
  owned<T extends object>(row: T): T & { organisationId: string };
}

export function tenant(organisationId: string): Tenant {
  if (!organisationId) throw new Error("A tenant needs an organisation id");
  return {
    organisationId,
    where: (table, ...conditions) =>
      and(eq(table.organisationId, organisationId), ...conditions) as SQL,
    owned: (row) => ({ ...row, organisationId }),
  };
}
