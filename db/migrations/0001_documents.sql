CREATE TABLE "customer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"company" text,
	"vat_number" text,
	"email" text,
	"language" text DEFAULT 'fr' NOT NULL,
	"billing_street" text DEFAULT '' NOT NULL,
	"billing_postal_code" text DEFAULT '' NOT NULL,
	"billing_city" text DEFAULT '' NOT NULL,
	"billing_country" text DEFAULT 'BE' NOT NULL,
	"delivery_street" text,
	"delivery_postal_code" text,
	"delivery_city" text,
	"delivery_country" text,
	"shopify_customer_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "article" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sku" text,
	"name" text NOT NULL,
	"unit_price_cents" bigint DEFAULT 0 NOT NULL,
	"vat_category" text DEFAULT 'S' NOT NULL,
	"vat_rate_bp" integer DEFAULT 2100 NOT NULL,
	"track_stock" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_movement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"cause" text NOT NULL,
	"document_line_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_counter" (
	"organisation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"period_key" text NOT NULL,
	"last_sequence" integer NOT NULL,
	CONSTRAINT "document_counter_organisation_id_type_period_key_pk" PRIMARY KEY("organisation_id","type","period_key")
);
--> statement-breakpoint
CREATE TABLE "document_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"sku" text,
	"quantity" text NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"price_mode" text NOT NULL,
	"discount_bp" integer DEFAULT 0 NOT NULL,
	"vat_category" text NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"net_cents" bigint DEFAULT 0 NOT NULL,
	"vat_cents" bigint DEFAULT 0 NOT NULL,
	"gross_cents" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_send" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"to_address" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"email_id" uuid,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "document_series" (
	"organisation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"pattern" text NOT NULL,
	"yearly_restart" boolean DEFAULT true NOT NULL,
	"start_sequence" integer,
	"start_period_key" text,
	"ogm_slot" integer NOT NULL,
	CONSTRAINT "document_series_organisation_id_type_pk" PRIMARY KEY("organisation_id","type")
);
--> statement-breakpoint
CREATE TABLE "document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'concept' NOT NULL,
	"number" text,
	"sequence" integer,
	"period_key" text,
	"customer_id" uuid,
	"customer" jsonb,
	"language" text NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"legend" text DEFAULT '' NOT NULL,
	"structured_communication" text,
	"credited_document_id" uuid,
	"source" text DEFAULT 'manual' NOT NULL,
	"source_id" text,
	"source_name" text,
	"fixed_vat" jsonb,
	"vat_breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total_net_cents" bigint DEFAULT 0 NOT NULL,
	"total_vat_cents" bigint DEFAULT 0 NOT NULL,
	"total_cents" bigint DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"public_token" text NOT NULL,
	"finalised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article" ADD CONSTRAINT "article_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_article_id_article_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."article"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_counter" ADD CONSTRAINT "document_counter_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_event" ADD CONSTRAINT "document_event_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_event" ADD CONSTRAINT "document_event_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_line" ADD CONSTRAINT "document_line_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_line" ADD CONSTRAINT "document_line_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_send" ADD CONSTRAINT "document_send_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_send" ADD CONSTRAINT "document_send_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_series" ADD CONSTRAINT "document_series_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_org_name" ON "customer" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "customer_org_email" ON "customer" USING btree ("organisation_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_org_shopify" ON "customer" USING btree ("organisation_id","shopify_customer_id") WHERE "customer"."shopify_customer_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "article_org_sku" ON "article" USING btree ("organisation_id","sku") WHERE "article"."sku" is not null;--> statement-breakpoint
CREATE INDEX "article_org_name" ON "article" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "stock_movement_article" ON "stock_movement" USING btree ("organisation_id","article_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_movement_line" ON "stock_movement" USING btree ("document_line_id") WHERE "stock_movement"."document_line_id" is not null;--> statement-breakpoint
CREATE INDEX "document_event_document" ON "document_event" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE INDEX "document_line_document" ON "document_line" USING btree ("document_id","position");--> statement-breakpoint
CREATE INDEX "document_send_document" ON "document_send" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_series_ogm_slot" ON "document_series" USING btree ("organisation_id","ogm_slot");--> statement-breakpoint
CREATE INDEX "document_org_created" ON "document" USING btree ("organisation_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "document_org_type_status" ON "document" USING btree ("organisation_id","type","status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "document_org_customer" ON "document" USING btree ("organisation_id","customer_id");--> statement-breakpoint
CREATE INDEX "document_org_source" ON "document" USING btree ("organisation_id","source","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_org_number" ON "document" USING btree ("organisation_id","type","number");--> statement-breakpoint
CREATE UNIQUE INDEX "document_org_ogm" ON "document" USING btree ("organisation_id","structured_communication");--> statement-breakpoint
CREATE UNIQUE INDEX "document_public_token" ON "document" USING btree ("public_token");