CREATE TABLE "stats_daily" (
	"period" date NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"skipped_level" integer DEFAULT 0 NOT NULL,
	"repeats" integer DEFAULT 0 NOT NULL,
	"group_batches" integer DEFAULT 0 NOT NULL,
	"group_persons" integer DEFAULT 0 NOT NULL,
	"acceptance_decided" integer DEFAULT 0 NOT NULL,
	"accepted_timely" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"completed_on_time" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"ratable" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"bureau_satisfied" integer DEFAULT 0 NOT NULL,
	"backlog" integer DEFAULT 0 NOT NULL,
	"backlog_resolved" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_daily_pk" PRIMARY KEY("dim","period","jurisdiction_code","key")
);
--> statement-breakpoint
CREATE TABLE "stats_monthly" (
	"period" date NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"skipped_level" integer DEFAULT 0 NOT NULL,
	"repeats" integer DEFAULT 0 NOT NULL,
	"group_batches" integer DEFAULT 0 NOT NULL,
	"group_persons" integer DEFAULT 0 NOT NULL,
	"acceptance_decided" integer DEFAULT 0 NOT NULL,
	"accepted_timely" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"completed_on_time" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"ratable" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"bureau_satisfied" integer DEFAULT 0 NOT NULL,
	"backlog" integer DEFAULT 0 NOT NULL,
	"backlog_resolved" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_monthly_pk" PRIMARY KEY("dim","period","jurisdiction_code","key")
);
--> statement-breakpoint
CREATE TABLE "stats_open" (
	"unit_id" integer NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"near" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_open_pk" PRIMARY KEY("unit_id","jurisdiction_code")
);
