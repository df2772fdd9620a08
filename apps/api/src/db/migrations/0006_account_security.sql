CREATE TABLE "account_lifecycle" (
	"user_id" text PRIMARY KEY NOT NULL,
	"deactivated_at" timestamp with time zone,
	"reactivated_at" timestamp with time zone,
	"deletion_requested_at" timestamp with time zone,
	"deletion_scheduled_for" timestamp with time zone,
	"reason" text,
	"feedback" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mfa_resets" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"status" text NOT NULL,
	"confirm_token_hash" text NOT NULL,
	"cancel_token_hash" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"link_expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"eligible_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"request_ip" text,
	"request_location" text
);
--> statement-breakpoint
ALTER TABLE "account_lifecycle" ADD CONSTRAINT "account_lifecycle_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_resets" ADD CONSTRAINT "mfa_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_lifecycle_due_idx" ON "account_lifecycle" USING btree ("deletion_scheduled_for");--> statement-breakpoint
CREATE INDEX "mfa_resets_user_idx" ON "mfa_resets" USING btree ("user_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mfa_resets_confirm_key" ON "mfa_resets" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "mfa_resets_cancel_key" ON "mfa_resets" USING btree ("cancel_token_hash");--> statement-breakpoint
CREATE INDEX "mfa_resets_due_idx" ON "mfa_resets" USING btree ("status","eligible_at");