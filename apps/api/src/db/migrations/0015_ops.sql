CREATE TABLE "ops_client_errors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"name" text NOT NULL,
	"message" text NOT NULL,
	"source" text NOT NULL,
	"element" text,
	"element_version" text,
	"stack" text,
	"url" text NOT NULL,
	"operation" text,
	"release" text,
	"user_agent" text DEFAULT '' NOT NULL,
	"user_key" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ops_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ops_web_vitals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"value" real NOT NULL,
	"rating" text NOT NULL,
	"sample_id" text NOT NULL,
	"page" text NOT NULL,
	"navigation_type" text,
	"attribution" text,
	"device" text,
	"effective_connection" text,
	"release" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ops_client_errors_received_idx" ON "ops_client_errors" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "ops_client_errors_fingerprint_idx" ON "ops_client_errors" USING btree ("fingerprint","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_web_vitals_sample_idx" ON "ops_web_vitals" USING btree ("sample_id","name");--> statement-breakpoint
CREATE INDEX "ops_web_vitals_received_idx" ON "ops_web_vitals" USING btree ("received_at");