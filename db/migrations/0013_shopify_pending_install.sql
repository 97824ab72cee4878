CREATE TABLE "shopify_pending_install" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop" text NOT NULL,
	"scopes" text DEFAULT '' NOT NULL,
	"sealed_tokens" text NOT NULL,
	"access_token_expires_at" timestamp with time zone,
	"shop_name" text NOT NULL,
	"shop_email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "shopify_pending_install_shop" ON "shopify_pending_install" USING btree ("shop");