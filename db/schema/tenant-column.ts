import { uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

/**
 * Every merchant table carries this column; queries filter on it through db/tenant.ts.
 * Beside columns.ts, not in it: the organisation table uses those generic columns, and
 * this one points at that table, so together they would import each other.
 */
export const organisationId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });
