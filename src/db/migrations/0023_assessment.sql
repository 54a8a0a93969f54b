CREATE TABLE "accountability_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accountability_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"record_id" integer NOT NULL,
	"case_id" bigint,
	"order_id" integer
);
--> statement-breakpoint
CREATE TABLE "accountability_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accountability_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"unit_id" integer NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"issuing_unit_id" integer NOT NULL,
	"number_year" integer,
	"number_seq" integer,
	"title" text NOT NULL,
	"facts" text NOT NULL,
	"decided_on" date NOT NULL,
	"person" text,
	"interviewer" text,
	"commitments" text,
	"follow_up_on" date,
	"follow_up_result" text,
	"followed_up_at" timestamp with time zone,
	"period_from" date,
	"period_to" date,
	"measures" text,
	"lifted_at" timestamp with time zone,
	"form" text,
	"decision" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_schemes" (
	"year" integer NOT NULL,
	"level" text NOT NULL,
	"items" jsonb NOT NULL,
	"note" text,
	"updated_by" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_schemes_pk" PRIMARY KEY("year","level")
);
--> statement-breakpoint
CREATE TABLE "responsibility_letters" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "responsibility_letters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"issuer_code" text COLLATE "C" NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signatories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"signed_on" date,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accountability_links" ADD CONSTRAINT "accountability_links_record_id_accountability_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."accountability_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_links" ADD CONSTRAINT "accountability_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_links" ADD CONSTRAINT "accountability_links_order_id_supervision_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."supervision_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD CONSTRAINT "accountability_records_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD CONSTRAINT "accountability_records_issuing_unit_id_units_id_fk" FOREIGN KEY ("issuing_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD CONSTRAINT "accountability_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_schemes" ADD CONSTRAINT "assessment_schemes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_letters" ADD CONSTRAINT "responsibility_letters_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_letters" ADD CONSTRAINT "responsibility_letters_issuer_code_jurisdictions_code_fk" FOREIGN KEY ("issuer_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_letters" ADD CONSTRAINT "responsibility_letters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accountability_links_record_idx" ON "accountability_links" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "accountability_links_case_idx" ON "accountability_links" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "accountability_links_order_idx" ON "accountability_links" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "accountability_records_unit_idx" ON "accountability_records" USING btree ("unit_id","decided_on");--> statement-breakpoint
CREATE INDEX "accountability_records_jurisdiction_idx" ON "accountability_records" USING btree ("jurisdiction_code","decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_records_number_uq" ON "accountability_records" USING btree ("issuing_unit_id","number_year","number_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "responsibility_letters_year_uq" ON "responsibility_letters" USING btree ("year","jurisdiction_code");--> statement-breakpoint
CREATE INDEX "responsibility_letters_issuer_idx" ON "responsibility_letters" USING btree ("issuer_code","year");