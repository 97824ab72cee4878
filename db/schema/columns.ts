import { customType, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

/** bytea as a Node Buffer on both drivers (PGlite returns Uint8Array, pg returns Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
  toDriver: (value) => value,
});

export const createdAt = () =>
  timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** Every merchant table carries this column; queries filter on it through db/tenant.ts. */
export const organisationId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });
