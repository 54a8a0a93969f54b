-- Content categories (src/domain/categories.ts, docs/categories.md): 组织人事 (150000) is not a
-- first-level category of the official classification the platform now uses; its matters move to
-- 党务政务 (140000), where organisation matters sit in that classification. The analytics rollups
-- keyed by the old code are added into the new code's rows, so the indicators stay consistent
-- with the cases without a rebuild. Other codes are unchanged.
UPDATE "cases" SET "category_code" = '140000' WHERE "category_code" = '150000';--> statement-breakpoint
INSERT INTO "stats_daily" AS r ("period", "jurisdiction_code", "dim", "key", "total", "online", "visits", "skipped_level", "repeats", "group_batches", "group_persons", "acceptance_decided", "accepted_timely", "completed", "completed_on_time", "rated", "ratable", "satisfied", "bureau_satisfied", "backlog", "backlog_resolved")
SELECT "period", "jurisdiction_code", "dim", '140000', "total", "online", "visits", "skipped_level", "repeats", "group_batches", "group_persons", "acceptance_decided", "accepted_timely", "completed", "completed_on_time", "rated", "ratable", "satisfied", "bureau_satisfied", "backlog", "backlog_resolved"
FROM "stats_daily" WHERE "dim" = 'category' AND "key" = '150000'
ON CONFLICT ("dim", "period", "jurisdiction_code", "key") DO UPDATE SET
  "total" = r."total" + excluded."total",
  "online" = r."online" + excluded."online",
  "visits" = r."visits" + excluded."visits",
  "skipped_level" = r."skipped_level" + excluded."skipped_level",
  "repeats" = r."repeats" + excluded."repeats",
  "group_batches" = r."group_batches" + excluded."group_batches",
  "group_persons" = r."group_persons" + excluded."group_persons",
  "acceptance_decided" = r."acceptance_decided" + excluded."acceptance_decided",
  "accepted_timely" = r."accepted_timely" + excluded."accepted_timely",
  "completed" = r."completed" + excluded."completed",
  "completed_on_time" = r."completed_on_time" + excluded."completed_on_time",
  "rated" = r."rated" + excluded."rated",
  "ratable" = r."ratable" + excluded."ratable",
  "satisfied" = r."satisfied" + excluded."satisfied",
  "bureau_satisfied" = r."bureau_satisfied" + excluded."bureau_satisfied",
  "backlog" = r."backlog" + excluded."backlog",
  "backlog_resolved" = r."backlog_resolved" + excluded."backlog_resolved";--> statement-breakpoint
DELETE FROM "stats_daily" WHERE "dim" = 'category' AND "key" = '150000';--> statement-breakpoint
INSERT INTO "stats_monthly" AS r ("period", "jurisdiction_code", "dim", "key", "total", "online", "visits", "skipped_level", "repeats", "group_batches", "group_persons", "acceptance_decided", "accepted_timely", "completed", "completed_on_time", "rated", "ratable", "satisfied", "bureau_satisfied", "backlog", "backlog_resolved")
SELECT "period", "jurisdiction_code", "dim", '140000', "total", "online", "visits", "skipped_level", "repeats", "group_batches", "group_persons", "acceptance_decided", "accepted_timely", "completed", "completed_on_time", "rated", "ratable", "satisfied", "bureau_satisfied", "backlog", "backlog_resolved"
FROM "stats_monthly" WHERE "dim" = 'category' AND "key" = '150000'
ON CONFLICT ("dim", "period", "jurisdiction_code", "key") DO UPDATE SET
  "total" = r."total" + excluded."total",
  "online" = r."online" + excluded."online",
  "visits" = r."visits" + excluded."visits",
  "skipped_level" = r."skipped_level" + excluded."skipped_level",
  "repeats" = r."repeats" + excluded."repeats",
  "group_batches" = r."group_batches" + excluded."group_batches",
  "group_persons" = r."group_persons" + excluded."group_persons",
  "acceptance_decided" = r."acceptance_decided" + excluded."acceptance_decided",
  "accepted_timely" = r."accepted_timely" + excluded."accepted_timely",
  "completed" = r."completed" + excluded."completed",
  "completed_on_time" = r."completed_on_time" + excluded."completed_on_time",
  "rated" = r."rated" + excluded."rated",
  "ratable" = r."ratable" + excluded."ratable",
  "satisfied" = r."satisfied" + excluded."satisfied",
  "bureau_satisfied" = r."bureau_satisfied" + excluded."bureau_satisfied",
  "backlog" = r."backlog" + excluded."backlog",
  "backlog_resolved" = r."backlog_resolved" + excluded."backlog_resolved";--> statement-breakpoint
DELETE FROM "stats_monthly" WHERE "dim" = 'category' AND "key" = '150000';
