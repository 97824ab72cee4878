CREATE TABLE "shopify_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"kind" text DEFAULT 'import' NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"seen" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"existing" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "shopify_order" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"shop" text NOT NULL,
	"order_id" text NOT NULL,
	"order_name" text,
	"shopify_updated_at" timestamp with time zone,
	"payload" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_line" ADD COLUMN "restock" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "source_key" text;--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "paid_on_issue" jsonb;--> statement-breakpoint
ALTER TABLE "shopify_webhook_delivery" ADD COLUMN "document_id" uuid;--> statement-breakpoint
ALTER TABLE "shopify_import" ADD CONSTRAINT "shopify_import_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopify_order" ADD CONSTRAINT "shopify_order_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shopify_import_org" ON "shopify_import" USING btree ("organisation_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_order_org_shop_order" ON "shopify_order" USING btree ("organisation_id","shop","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_org_source_key" ON "document" USING btree ("organisation_id","source_key") WHERE "document"."source_key" is not null;