CREATE TABLE "watchlist_folders" (
	"id" text PRIMARY KEY NOT NULL,
	"profile_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer NOT NULL,
	"share_token" text,
	"share_created_at" timestamp with time zone,
	"share_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "watchlist_undo" (
	"token" text PRIMARY KEY NOT NULL,
	"profile_id" text NOT NULL,
	"kind" text NOT NULL,
	"rows" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "watchlist_items" ADD COLUMN "folder_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "watchlist_items" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "watchlist_folders" ADD CONSTRAINT "watchlist_folders_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlist_undo" ADD CONSTRAINT "watchlist_undo_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "watchlist_folders_profile_idx" ON "watchlist_folders" USING btree ("profile_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "watchlist_folders_share_idx" ON "watchlist_folders" USING btree ("share_token");--> statement-breakpoint
CREATE INDEX "watchlist_undo_profile_idx" ON "watchlist_undo" USING btree ("profile_id");