CREATE TABLE "shopify_connection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"shop" text NOT NULL,
	"status" text DEFAULT 'connected' NOT NULL,
	"disconnect_reason" text,
	"scopes" text DEFAULT '' NOT NULL,
	"sealed_tokens" text,
	"access_token_expires_at" timestamp with time zone,
	"shop_name" text,
	"shop_email" text,
	"shop_currency" text,
	"webhooks_ready_at" timestamp with time zone,
	"setup_error" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disconnected_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shopify_privacy_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"shop" text NOT NULL,
	"topic" text NOT NULL,
	"delivery_id" uuid NOT NULL,
	"customer_email" text,
	"shopify_customer_id" text,
	"order_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"completed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shopify_webhook_delivery" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"shop" text NOT NULL,
	"topic" text NOT NULL,
	"webhook_id" text NOT NULL,
	"event_id" text,
	"api_version" text,
	"triggered_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"raw_body" text,
	"resource_id" text,
	"status" text DEFAULT 'received' NOT NULL,
	"outcome" text,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "shopify_connection" ADD CONSTRAINT "shopify_connection_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_privacy_request" ADD CONSTRAINT "shopify_privacy_request_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_webhook_delivery" ADD CONSTRAINT "shopify_webhook_delivery_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_connection_org_shop" ON "shopify_connection" USING btree ("organisation_id","shop");--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_connection_live_shop" ON "shopify_connection" USING btree ("shop") WHERE "shopify_connection"."status" = 'connected';--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_privacy_delivery" ON "shopify_privacy_request" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "shopify_privacy_org" ON "shopify_privacy_request" USING btree ("organisation_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_delivery_webhook_id" ON "shopify_webhook_delivery" USING btree ("webhook_id");--> statement-breakpoint
CREATE INDEX "shopify_delivery_org_received" ON "shopify_webhook_delivery" USING btree ("organisation_id","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "shopify_delivery_shop" ON "shopify_webhook_delivery" USING btree ("shop","received_at" DESC NULLS LAST);