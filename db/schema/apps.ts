import { boolean, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { organisationId } from "./tenant-column";

/** One row per app an organisation has ever activated; `active` flips, history stays. */
export const appActivations = pgTable(
  "app_activation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    appKey: text("app_key").notNull(),
    active: boolean("active").notNull().default(true),
    activatedAt: timestamp("activated_at", { withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    /** AES-256-GCM sealed JSON of the app's secrets (API keys, tokens); see lib/crypto. */
    sealedSecrets: text("sealed_secrets"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("app_activation_org_app").on(t.organisationId, t.appKey)],
);

export const apiKeys = pgTable("api_key", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: organisationId(),
  name: text("name").notNull(),
  prefix: text("prefix").notNull().unique(),
  hash: text("hash").notNull(),
  createdAt: createdAt(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});
