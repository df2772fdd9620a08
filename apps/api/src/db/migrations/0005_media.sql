CREATE TABLE "delivery_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "media_assets" (
	"id" text PRIMARY KEY NOT NULL,
	"title_id" text,
	"episode_id" text,
	"origin" text DEFAULT 'upload' NOT NULL,
	"demo_key" text,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint DEFAULT 0 NOT NULL,
	"uploaded_bytes" bigint DEFAULT 0 NOT NULL,
	"checksum_sha256" text,
	"status" text DEFAULT 'awaiting_upload' NOT NULL,
	"source_path" text,
	"probe" jsonb,
	"validation" jsonb,
	"validation_status" text,
	"validated_at" timestamp with time zone,
	"output" jsonb,
	"duration" real,
	"replace" boolean DEFAULT false NOT NULL,
	"upload_expires_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_bindings" (
	"title_id" text NOT NULL,
	"episode_id" text DEFAULT '' NOT NULL,
	"asset_id" text NOT NULL,
	CONSTRAINT "media_bindings_title_id_episode_id_pk" PRIMARY KEY("title_id","episode_id")
);
--> statement-breakpoint
CREATE TABLE "media_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"asset_id" text NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"stage" text,
	"progress" real DEFAULT 0 NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"error" jsonb,
	"label" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_expires_at" timestamp with time zone,
	"worker_id" text,
	"eta_seconds" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playback_issues" (
	"id" text PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"session_id" text NOT NULL,
	"profile_id" text NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"position" real NOT NULL,
	"debug" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "player_events" (
	"session_id" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"position" real NOT NULL,
	"details" jsonb,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "player_events_session_id_event_id_pk" PRIMARY KEY("session_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "player_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"profile_id" text NOT NULL,
	"auth_session_id" text,
	"title_id" text NOT NULL,
	"episode_id" text,
	"asset_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"end_reason" text,
	"plan" text NOT NULL,
	"max_quality" text NOT NULL,
	"region" text,
	"device" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" real,
	"quality" text,
	"duration" real DEFAULT 0 NOT NULL,
	"token_expires_at" timestamp with time zone NOT NULL,
	"token_renewals" integer DEFAULT 0 NOT NULL,
	"events_received" integer DEFAULT 0 NOT NULL,
	"last_event_type" text,
	"last_event_at" timestamp with time zone,
	"stats" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recent_errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_heartbeat_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "media_assets" ADD CONSTRAINT "media_assets_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_assets" ADD CONSTRAINT "media_assets_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_bindings" ADD CONSTRAINT "media_bindings_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_bindings" ADD CONSTRAINT "media_bindings_asset_id_media_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."media_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_jobs" ADD CONSTRAINT "media_jobs_asset_id_media_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."media_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playback_issues" ADD CONSTRAINT "playback_issues_session_id_player_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."player_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "player_events" ADD CONSTRAINT "player_events_session_id_player_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."player_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "player_sessions" ADD CONSTRAINT "player_sessions_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_assets_title_idx" ON "media_assets" USING btree ("title_id","episode_id");--> statement-breakpoint
CREATE UNIQUE INDEX "media_assets_demo_key" ON "media_assets" USING btree ("demo_key");--> statement-breakpoint
CREATE INDEX "media_assets_status_idx" ON "media_assets" USING btree ("status");--> statement-breakpoint
CREATE INDEX "media_bindings_asset_idx" ON "media_bindings" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "media_jobs_queue_idx" ON "media_jobs" USING btree ("state","priority","run_after");--> statement-breakpoint
CREATE INDEX "media_jobs_asset_idx" ON "media_jobs" USING btree ("asset_id","created_at");--> statement-breakpoint
CREATE INDEX "player_sessions_user_idx" ON "player_sessions" USING btree ("user_id","status");