ALTER TABLE "organisation" ADD COLUMN "legal_form" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "enterprise_number" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "register_court" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "registered_street" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "registered_postal_code" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "registered_city" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "in_liquidation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "vat_franchise" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "language_rule" text DEFAULT 'auto' NOT NULL;--> statement-breakpoint
ALTER TABLE "document_line" ADD COLUMN "discount_cents" bigint;