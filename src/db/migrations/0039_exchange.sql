CREATE TABLE "exchange_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exchange_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"peer_id" text NOT NULL,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"remote_number" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exchange_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"message_id" text NOT NULL,
	"direction" text NOT NULL,
	"peer_id" text NOT NULL,
	"type" text NOT NULL,
	"link_id" integer,
	"case_id" bigint,
	"body_enc" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_status" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exchange_links" ADD CONSTRAINT "exchange_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_link_id_exchange_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."exchange_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_links_case_idx" ON "exchange_links" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_links_remote_uq" ON "exchange_links" USING btree ("peer_id","direction","remote_number");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_messages_id_uq" ON "exchange_messages" USING btree ("direction","peer_id","message_id");--> statement-breakpoint
CREATE INDEX "exchange_messages_due_idx" ON "exchange_messages" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "exchange_messages_case_idx" ON "exchange_messages" USING btree ("case_id");