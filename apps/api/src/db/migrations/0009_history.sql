CREATE TABLE "history_hidden" (
	"profile_id" text NOT NULL,
	"entry_id" text NOT NULL,
	"title_id" text NOT NULL,
	"episode_id" text DEFAULT '' NOT NULL,
	"day" text NOT NULL,
	"progress" jsonb,
	"hidden_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "history_hidden_profile_id_entry_id_pk" PRIMARY KEY("profile_id","entry_id")
);
--> statement-breakpoint
ALTER TABLE "history_hidden" ADD CONSTRAINT "history_hidden_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "history_hidden_profile_idx" ON "history_hidden" USING btree ("profile_id","hidden_at");