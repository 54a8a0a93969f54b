CREATE TABLE "backlog_package_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "backlog_package_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"package_id" integer NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"note" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "backlog_packages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "backlog_packages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"matter_id" integer NOT NULL,
	"leader_user_id" integer NOT NULL,
	"leader_unit_id" integer,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"level" text NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"plan" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "backlog_package_records" ADD CONSTRAINT "backlog_package_records_package_id_backlog_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."backlog_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_package_records" ADD CONSTRAINT "backlog_package_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_packages" ADD CONSTRAINT "backlog_packages_matter_id_backlog_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."backlog_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_packages" ADD CONSTRAINT "backlog_packages_leader_user_id_users_id_fk" FOREIGN KEY ("leader_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_packages" ADD CONSTRAINT "backlog_packages_leader_unit_id_units_id_fk" FOREIGN KEY ("leader_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backlog_package_records_package_idx" ON "backlog_package_records" USING btree ("package_id");--> statement-breakpoint
CREATE UNIQUE INDEX "backlog_packages_uq" ON "backlog_packages" USING btree ("matter_id","leader_user_id");--> statement-breakpoint
CREATE INDEX "backlog_packages_leader_idx" ON "backlog_packages" USING btree ("leader_user_id","taken_at");--> statement-breakpoint
CREATE INDEX "backlog_packages_jurisdiction_idx" ON "backlog_packages" USING btree ("jurisdiction_code","taken_at");