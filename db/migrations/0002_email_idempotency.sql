ALTER TABLE "email" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "email_idempotency_key" ON "email" USING btree ("idempotency_key");