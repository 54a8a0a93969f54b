CREATE TABLE "reception_bookings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reception_bookings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slot_id" integer NOT NULL,
	"petitioner_user_id" integer,
	"name_enc" text NOT NULL,
	"phone_enc" text,
	"phone_hash" text,
	"case_id" bigint,
	"matter" text,
	"people_count" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"via" text NOT NULL,
	"booked_by" integer NOT NULL,
	"booked_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reception_matters" (
	"slot_id" integer NOT NULL,
	"case_id" bigint NOT NULL,
	"solved_on_spot" boolean DEFAULT false NOT NULL,
	"note" text,
	CONSTRAINT "reception_matters_slot_id_case_id_pk" PRIMARY KEY("slot_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "reception_records" (
	"slot_id" integer PRIMARY KEY NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"batches" integer NOT NULL,
	"persons" integer NOT NULL,
	"decision" text NOT NULL,
	"follow_ups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_slots" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reception_slots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"unit_id" integer NOT NULL,
	"leader_user_id" integer NOT NULL,
	"leader_title" text NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"topics" text NOT NULL,
	"capacity" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"cancel_reason" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_card_visits" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rights_card_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"card_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"visit_level" smallint NOT NULL,
	"matter_level" smallint NOT NULL,
	"verdict" text NOT NULL,
	"skipped" boolean NOT NULL,
	"case_id" bigint,
	"checked_by" integer NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"guidance_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rights_cards" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rights_cards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"card_no" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"case_id" bigint NOT NULL,
	"unit_id" integer NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"level" smallint NOT NULL,
	"holder_name_enc" text NOT NULL,
	"holder_user_id" integer,
	"entries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issued_by" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_slot_id_reception_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."reception_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_petitioner_user_id_users_id_fk" FOREIGN KEY ("petitioner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_matters" ADD CONSTRAINT "reception_matters_slot_id_reception_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."reception_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_matters" ADD CONSTRAINT "reception_matters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_records" ADD CONSTRAINT "reception_records_slot_id_reception_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."reception_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_records" ADD CONSTRAINT "reception_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_slots" ADD CONSTRAINT "reception_slots_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_slots" ADD CONSTRAINT "reception_slots_leader_user_id_users_id_fk" FOREIGN KEY ("leader_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_slots" ADD CONSTRAINT "reception_slots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_card_visits" ADD CONSTRAINT "rights_card_visits_card_id_rights_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."rights_cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_card_visits" ADD CONSTRAINT "rights_card_visits_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_card_visits" ADD CONSTRAINT "rights_card_visits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_card_visits" ADD CONSTRAINT "rights_card_visits_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_cards" ADD CONSTRAINT "rights_cards_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_cards" ADD CONSTRAINT "rights_cards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_cards" ADD CONSTRAINT "rights_cards_holder_user_id_users_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_cards" ADD CONSTRAINT "rights_cards_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reception_bookings_slot_idx" ON "reception_bookings" USING btree ("slot_id","status");--> statement-breakpoint
CREATE INDEX "reception_bookings_user_idx" ON "reception_bookings" USING btree ("petitioner_user_id");--> statement-breakpoint
CREATE INDEX "reception_matters_case_idx" ON "reception_matters" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "reception_slots_jurisdiction_idx" ON "reception_slots" USING btree ("jurisdiction_code","starts_at");--> statement-breakpoint
CREATE INDEX "reception_slots_starts_idx" ON "reception_slots" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "rights_card_visits_card_idx" ON "rights_card_visits" USING btree ("card_id");--> statement-breakpoint
CREATE INDEX "rights_card_visits_jurisdiction_idx" ON "rights_card_visits" USING btree ("jurisdiction_code","checked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_cards_no_uq" ON "rights_cards" USING btree ("card_no");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_cards_case_uq" ON "rights_cards" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_cards_seq_uq" ON "rights_cards" USING btree ("unit_id","year","seq");--> statement-breakpoint
CREATE INDEX "rights_cards_jurisdiction_idx" ON "rights_cards" USING btree ("jurisdiction_code","issued_at");--> statement-breakpoint
CREATE INDEX "rights_cards_holder_idx" ON "rights_cards" USING btree ("holder_user_id");