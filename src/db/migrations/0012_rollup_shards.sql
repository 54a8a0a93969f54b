-- Sharded rollup counters (src/analytics/rollup.ts, docs/analytics.md): each writing transaction adds
-- to the rows of one shard, readers sum over shards. Existing rows become shard 0.
ALTER TABLE "stats_daily" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stats_monthly" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stats_open" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stats_daily" DROP CONSTRAINT "stats_daily_pk";
--> statement-breakpoint
ALTER TABLE "stats_daily" ADD CONSTRAINT "stats_daily_pk" PRIMARY KEY("dim","period","jurisdiction_code","key","shard");--> statement-breakpoint
ALTER TABLE "stats_monthly" DROP CONSTRAINT "stats_monthly_pk";
--> statement-breakpoint
ALTER TABLE "stats_monthly" ADD CONSTRAINT "stats_monthly_pk" PRIMARY KEY("dim","period","jurisdiction_code","key","shard");--> statement-breakpoint
ALTER TABLE "stats_open" DROP CONSTRAINT "stats_open_pk";
--> statement-breakpoint
ALTER TABLE "stats_open" ADD CONSTRAINT "stats_open_pk" PRIMARY KEY("unit_id","jurisdiction_code","shard");