CREATE TABLE "shopify_product_without_sku" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"product_key" text NOT NULL,
	"title" text NOT NULL,
	"order_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_mode_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry" bigint GENERATED ALWAYS AS IDENTITY (sequence name "stock_mode_change_entry_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"user_id" text,
	"starting_count" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "article" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "article" ADD COLUMN "low_stock_milli" bigint;--> statement-breakpoint
ALTER TABLE "shopify_product_without_sku" ADD CONSTRAINT "shopify_product_without_sku_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_mode_change" ADD CONSTRAINT "stock_mode_change_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "shopify_product_without_sku_key" ON "shopify_product_without_sku" USING btree ("organisation_id","product_key");--> statement-breakpoint
CREATE INDEX "stock_mode_change_org_entry" ON "stock_mode_change" USING btree ("organisation_id","entry");