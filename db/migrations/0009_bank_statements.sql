CREATE TABLE "bank_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content" "bytea" NOT NULL,
	"format" text,
	"status" text DEFAULT 'received' NOT NULL,
	"error" text,
	"lines" integer DEFAULT 0 NOT NULL,
	"new_lines" integer DEFAULT 0 NOT NULL,
	"matched" integer DEFAULT 0 NOT NULL,
	"suggested" integer DEFAULT 0 NOT NULL,
	"unmatched" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bank_statement_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"line_key" text NOT NULL,
	"booking_date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"counterparty_name" text,
	"counterparty_iban" text,
	"structured_communication" text,
	"free_text" text,
	"status" text NOT NULL,
	"invoice_id" uuid,
	"rule" text,
	"overpayment_cents" bigint DEFAULT 0 NOT NULL,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bank_import" ADD CONSTRAINT "bank_import_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statement_line" ADD CONSTRAINT "bank_statement_line_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_import_org" ON "bank_import" USING btree ("organisation_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "bank_line_org_key" ON "bank_statement_line" USING btree ("organisation_id","line_key");--> statement-breakpoint
CREATE INDEX "bank_line_org_status" ON "bank_statement_line" USING btree ("organisation_id","status","booking_date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "bank_line_invoice" ON "bank_statement_line" USING btree ("organisation_id","invoice_id") WHERE "bank_statement_line"."invoice_id" is not null;