DROP INDEX "document_org_number";--> statement-breakpoint
CREATE UNIQUE INDEX "document_org_number" ON "document" USING btree ("organisation_id","number");