CREATE TABLE "online_payment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"provider_payment_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"checkout_url" text,
	"qr_payload" text,
	"mode" text,
	"paid_method" text,
	"expires_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"method" text NOT NULL,
	"paid_on" date NOT NULL,
	"reference" text,
	"source_key" text,
	"undone_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peppol_transmission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"channel" text DEFAULT 'peppol' NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"receiver_id" text,
	"access_point_id" text,
	"idempotency_key" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_send" ADD COLUMN "kind" text DEFAULT 'document' NOT NULL;--> statement-breakpoint
ALTER TABLE "online_payment" ADD CONSTRAINT "online_payment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payment" ADD CONSTRAINT "online_payment_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment" ADD CONSTRAINT "payment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment" ADD CONSTRAINT "payment_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peppol_transmission" ADD CONSTRAINT "peppol_transmission_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peppol_transmission" ADD CONSTRAINT "peppol_transmission_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "online_payment_provider_id" ON "online_payment" USING btree ("provider","provider_payment_id");--> statement-breakpoint
CREATE INDEX "online_payment_document" ON "online_payment" USING btree ("organisation_id","document_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "payment_document" ON "payment" USING btree ("organisation_id","document_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_org_source_key" ON "payment" USING btree ("organisation_id","source_key") WHERE "payment"."source_key" is not null;--> statement-breakpoint
CREATE INDEX "peppol_transmission_document" ON "peppol_transmission" USING btree ("organisation_id","document_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "peppol_transmission_idempotency" ON "peppol_transmission" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "peppol_transmission_access_point" ON "peppol_transmission" USING btree ("access_point_id");--> statement-breakpoint
-- Payments recorded before the ledger existed live only in the activity log: copy them in.
INSERT INTO "payment" ("organisation_id", "document_id", "amount_cents", "method", "paid_on", "reference", "created_at")
SELECT "organisation_id", "document_id", ("details"->>'amountCents')::bigint, "details"->>'method', ("details"->>'paidOn')::date, "details"->>'reference', "created_at"
FROM "document_event" WHERE "kind" = 'paid' AND "details" ? 'amountCents';
