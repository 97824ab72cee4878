DROP INDEX "stock_movement_article";--> statement-breakpoint
ALTER TABLE "stock_movement" ADD COLUMN "entry" bigint;--> statement-breakpoint
-- Movements already recorded keep the order the history showed them in: time, then id.
UPDATE "stock_movement" SET "entry" = "numbered"."n" FROM (SELECT "id", row_number() OVER (ORDER BY "created_at", "id") AS "n" FROM "stock_movement") AS "numbered" WHERE "stock_movement"."id" = "numbered"."id";--> statement-breakpoint
ALTER TABLE "stock_movement" ALTER COLUMN "entry" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "stock_movement" ALTER COLUMN "entry" ADD GENERATED ALWAYS AS IDENTITY (sequence name "stock_movement_entry_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
SELECT setval('"stock_movement_entry_seq"', coalesce(max("entry"), 0) + 1, false) FROM "stock_movement";--> statement-breakpoint
CREATE INDEX "stock_movement_article_entry" ON "stock_movement" USING btree ("organisation_id","article_id","entry");
