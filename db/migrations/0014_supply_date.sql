ALTER TABLE "document" ADD COLUMN "supply_date" date;--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "delivery_date" date;