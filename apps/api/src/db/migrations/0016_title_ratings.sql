ALTER TABLE "titles" ADD COLUMN "external_rating_average" real;--> statement-breakpoint
ALTER TABLE "titles" ADD COLUMN "external_rating_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The ratings so far were the catalog's own: they become the base, and published reviews join them.
UPDATE "titles" SET "external_rating_average" = "rating_average", "external_rating_count" = "rating_count";--> statement-breakpoint
UPDATE "titles" AS t
SET "rating_count" = t."external_rating_count" + r.n,
    "rating_average" = ((COALESCE(t."external_rating_average", 0) * t."external_rating_count" + r.total) / (t."external_rating_count" + r.n))::real
FROM (
  SELECT "title_id", count(*)::integer AS n, sum("rating")::double precision AS total
  FROM "reviews" WHERE "deleted_at" IS NULL AND "status" = 'published' GROUP BY "title_id"
) AS r
WHERE r."title_id" = t."id";
