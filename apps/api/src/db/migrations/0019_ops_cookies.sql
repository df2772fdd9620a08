CREATE TABLE "ops_cdn_cookies" (
	"id" text PRIMARY KEY NOT NULL,
	"path_prefix" text NOT NULL,
	"account_id" text,
	"key_id" text NOT NULL,
	"note" text,
	"issued_by" text,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "ops_cdn_cookies_issued_idx" ON "ops_cdn_cookies" USING btree ("issued_at");