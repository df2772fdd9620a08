CREATE TABLE "search_history_filters" (
	"history_id" text PRIMARY KEY NOT NULL,
	"filters" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_history_filters" ADD CONSTRAINT "search_history_filters_history_id_search_history_id_fk" FOREIGN KEY ("history_id") REFERENCES "public"."search_history"("id") ON DELETE cascade ON UPDATE no action;