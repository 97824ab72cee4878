CREATE TABLE "document_text" (
	"organisation_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"payment_state" text NOT NULL,
	"language" text NOT NULL,
	"legend" text NOT NULL,
	"email_subject" text NOT NULL,
	"email_body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_text_organisation_id_document_type_payment_state_language_pk" PRIMARY KEY("organisation_id","document_type","payment_state","language")
);
--> statement-breakpoint
ALTER TABLE "document_text" ADD CONSTRAINT "document_text_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;