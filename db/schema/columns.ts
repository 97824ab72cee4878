import { customType, timestamp } from "drizzle-orm/pg-core";

/** bytea as a Node Buffer on both drivers (PGlite returns Uint8Array, pg returns Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
  toDriver: (value) => value,
});

export const createdAt = () =>
  timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
