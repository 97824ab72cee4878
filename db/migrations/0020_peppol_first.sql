ALTER TABLE "peppol_transmission" ADD COLUMN "failures" jsonb;--> statement-breakpoint
ALTER TABLE "peppol_transmission" ADD COLUMN "lookups" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "peppol_transmission" ADD COLUMN "next_lookup_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "peppol_transmission" ADD COLUMN "copy_email" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "peppol_transmission" ADD COLUMN "copy_queued_at" timestamp with time zone;