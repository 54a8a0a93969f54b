CREATE TABLE "dispatch_meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dispatch_meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"week_start" date NOT NULL,
	"date" date NOT NULL,
	"status" text NOT NULL,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"agenda" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"held_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dispatch_tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dispatch_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"title" text NOT NULL,
	"owner_user_id" integer NOT NULL,
	"due_date" date NOT NULL,
	"case_id" bigint,
	"status" text NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" integer,
	"done_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_digests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monitoring_digests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"date" date NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dispatch_meetings" ADD CONSTRAINT "dispatch_meetings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_meetings" ADD CONSTRAINT "dispatch_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_meeting_id_dispatch_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."dispatch_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_digests" ADD CONSTRAINT "monitoring_digests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_meetings_week_uq" ON "dispatch_meetings" USING btree ("unit_id","week_start");--> statement-breakpoint
CREATE INDEX "dispatch_meetings_jurisdiction_idx" ON "dispatch_meetings" USING btree ("jurisdiction_code","week_start");--> statement-breakpoint
CREATE INDEX "dispatch_tasks_meeting_idx" ON "dispatch_tasks" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "dispatch_tasks_owner_idx" ON "dispatch_tasks" USING btree ("owner_user_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_digests_uq" ON "monitoring_digests" USING btree ("unit_id","date");--> statement-breakpoint
CREATE INDEX "monitoring_digests_jurisdiction_idx" ON "monitoring_digests" USING btree ("jurisdiction_code","date");