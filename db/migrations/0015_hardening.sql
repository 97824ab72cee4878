CREATE TABLE "rate_limit_counter" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limit_counter_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "worker_heartbeat" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limit_counter_expires" ON "rate_limit_counter" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "shopify_order_order_id" ON "shopify_order" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "shopify_delivery_resource" ON "shopify_webhook_delivery" USING btree ("resource_id");--> statement-breakpoint
-- Session tokens are stored as their SHA-256 (auth.ts): existing sessions stay valid.
UPDATE "session" SET "sessionToken" = encode(sha256(convert_to("sessionToken", 'UTF8')), 'hex');