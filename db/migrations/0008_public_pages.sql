CREATE TABLE "mistake_reports" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"page_path" text NOT NULL,
	"selected_text" text NOT NULL,
	"comment" text,
	"lang" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "page_visit_days" (
	"page" text NOT NULL,
	"day" date NOT NULL,
	"visitors" integer NOT NULL,
	CONSTRAINT "page_visit_days_page_day_pk" PRIMARY KEY("page","day")
);
--> statement-breakpoint
CREATE INDEX "mistake_reports_created_idx" ON "mistake_reports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "certificates_serial_idx" ON "certificates" USING btree ("serial");