CREATE TABLE "document_original" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"sha256" text GENERATED ALWAYS AS (encode(sha256("bytes"), 'hex')) STORED NOT NULL,
	"size" integer GENERATED ALWAYS AS (octet_length("bytes")) STORED NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_original" ADD CONSTRAINT "document_original_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_original" ADD CONSTRAINT "document_original_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_original_key" ON "document_original" USING btree ("organisation_id","document_id","key");--> statement-breakpoint
CREATE INDEX "document_original_document" ON "document_original" USING btree ("document_id","created_at");--> statement-breakpoint
-- Issued documents are accounting records (VAT Code art. 60, KB nr. 1 art. 5): hand-written
-- triggers refuse any change of their legal content, of their lines, and of their stored
-- originals, whoever writes (the app, a script, psql). A document is issued once it has a
-- number (finalisation). What may still change on an issued document, and nothing else:
--   status        between issued statuses (paid, partly paid, sent), never back to a concept
--   paid_cents    payments, credit notes settling it, bank matches, refunds
--   updated_at    bookkeeping of the row
--   customer_id   the link to the customer record (set null when that record is deleted)
--   customer      only its "email" key, and only to null (a Shopify customer redaction:
--                 the buyer's email is not a legal mention)
-- A column added to "document" later is protected unless a migration adds it to this list.
CREATE FUNCTION "facturo_document_issued_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  mutable constant text[] := ARRAY['status', 'paid_cents', 'updated_at', 'customer_id', 'customer'];
  changed text;
BEGIN
  IF OLD."number" IS NULL AND OLD."finalised_at" IS NULL THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'document % is issued (%): it cannot be deleted', OLD."id", OLD."number"
      USING ERRCODE = 'FCT01', HINT = 'Correct an issued document with a credit note.';
  END IF;
  SELECT string_agg(n.key, ', ' ORDER BY n.key) INTO changed
    FROM jsonb_each(to_jsonb(NEW) - mutable) AS n
    WHERE n.value IS DISTINCT FROM (to_jsonb(OLD) -> n.key);
  IF changed IS NULL AND NEW."status" IN ('concept', 'cancelled') THEN
    changed := 'status';
  END IF;
  IF changed IS NULL AND (OLD."customer" - 'email') IS DISTINCT FROM (NEW."customer" - 'email') THEN
    changed := 'customer';
  END IF;
  IF changed IS NULL
    AND (NEW."customer" -> 'email') IS DISTINCT FROM (OLD."customer" -> 'email')
    AND (NEW."customer" -> 'email') IS DISTINCT FROM 'null'::jsonb THEN
    changed := 'customer.email';
  END IF;
  IF changed IS NOT NULL THEN
    RAISE EXCEPTION 'document % is issued (%): % cannot change', OLD."id", OLD."number", changed
      USING ERRCODE = 'FCT01', HINT = 'Correct an issued document with a credit note.';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "document_issued_guard" BEFORE UPDATE OR DELETE ON "document"
  FOR EACH ROW EXECUTE FUNCTION "facturo_document_issued_guard"();
--> statement-breakpoint
-- The lines of an issued document: no line added, changed or removed.
CREATE FUNCTION "facturo_document_line_issued_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  issued_number text;
BEGIN
  SELECT coalesce(d."number", '(issued)') INTO issued_number FROM "document" d
    WHERE d."id" IN (
      CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD."document_id" END,
      CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW."document_id" END
    )
    AND (d."number" IS NOT NULL OR d."finalised_at" IS NOT NULL)
    LIMIT 1;
  IF issued_number IS NOT NULL THEN
    RAISE EXCEPTION 'document % is issued: its lines cannot change', issued_number
      USING ERRCODE = 'FCT01', HINT = 'Correct an issued document with a credit note.';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "document_line_issued_guard" BEFORE INSERT OR UPDATE OR DELETE ON "document_line"
  FOR EACH ROW EXECUTE FUNCTION "facturo_document_line_issued_guard"();
--> statement-breakpoint
-- Stored originals are written once: only for an issued document of the same organisation,
-- never updated or deleted.
CREATE FUNCTION "facturo_document_original_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (
      SELECT 1 FROM "document" d
      WHERE d."id" = NEW."document_id" AND d."organisation_id" = NEW."organisation_id"
        AND (d."number" IS NOT NULL OR d."finalised_at" IS NOT NULL)
    ) THEN
      RAISE EXCEPTION 'document % is not an issued document of this organisation', NEW."document_id"
        USING ERRCODE = 'FCT01';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'stored original % of document % cannot be changed or deleted', OLD."key", OLD."document_id"
    USING ERRCODE = 'FCT01', HINT = 'Originals are kept as issued for ten years.';
END $$;
--> statement-breakpoint
CREATE TRIGGER "document_original_guard" BEFORE INSERT OR UPDATE OR DELETE ON "document_original"
  FOR EACH ROW EXECUTE FUNCTION "facturo_document_original_guard"();
--> statement-breakpoint
CREATE FUNCTION "facturo_refuse_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% holds issued documents: it cannot be truncated', TG_TABLE_NAME
    USING ERRCODE = 'FCT01';
END $$;
--> statement-breakpoint
CREATE TRIGGER "document_refuse_truncate" BEFORE TRUNCATE ON "document"
  FOR EACH STATEMENT EXECUTE FUNCTION "facturo_refuse_truncate"();
--> statement-breakpoint
CREATE TRIGGER "document_line_refuse_truncate" BEFORE TRUNCATE ON "document_line"
  FOR EACH STATEMENT EXECUTE FUNCTION "facturo_refuse_truncate"();
--> statement-breakpoint
CREATE TRIGGER "document_original_refuse_truncate" BEFORE TRUNCATE ON "document_original"
  FOR EACH STATEMENT EXECUTE FUNCTION "facturo_refuse_truncate"();
