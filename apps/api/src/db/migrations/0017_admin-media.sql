CREATE TABLE "admin_artwork" (
	"id" text PRIMARY KEY NOT NULL,
	"title_id" text NOT NULL,
	"episode_id" text,
	"type" text NOT NULL,
	"language" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"content_type" text,
	"width" integer,
	"height" integer,
	"size_bytes" bigint,
	"color" text,
	"file" text,
	"variants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_audio_tracks" (
	"id" text PRIMARY KEY NOT NULL,
	"title_id" text NOT NULL,
	"episode_id" text DEFAULT '' NOT NULL,
	"asset_id" text,
	"path" text,
	"origin" text NOT NULL,
	"language" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"channels" integer,
	"codec" text,
	"bitrate" integer,
	"bandwidth" integer,
	"duration" real,
	"filename" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_subtitles" (
	"id" text PRIMARY KEY NOT NULL,
	"title_id" text NOT NULL,
	"episode_id" text DEFAULT '' NOT NULL,
	"asset_id" text,
	"path" text NOT NULL,
	"origin" text NOT NULL,
	"language" text NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"source_format" text NOT NULL,
	"content" text NOT NULL,
	"cue_count" integer DEFAULT 0 NOT NULL,
	"first_cue_start" real,
	"last_cue_end" real,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_trailers" (
	"id" text PRIMARY KEY NOT NULL,
	"title_id" text NOT NULL,
	"asset_id" text NOT NULL,
	"name" text NOT NULL,
	"language" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"target_id" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"uploaded_bytes" bigint DEFAULT 0 NOT NULL,
	"checksum_sha256" text,
	"state" text DEFAULT 'open' NOT NULL,
	"created_by" text,
	"expires_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "admin_artwork_title_idx" ON "admin_artwork" USING btree ("title_id","type");--> statement-breakpoint
CREATE INDEX "admin_audio_tracks_media_idx" ON "admin_audio_tracks" USING btree ("title_id","episode_id");--> statement-breakpoint
CREATE INDEX "admin_subtitles_media_idx" ON "admin_subtitles" USING btree ("title_id","episode_id");--> statement-breakpoint
CREATE INDEX "admin_trailers_title_idx" ON "admin_trailers" USING btree ("title_id");