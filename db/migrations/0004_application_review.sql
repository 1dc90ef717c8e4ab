ALTER TABLE "applications" ADD COLUMN "refusal_comment" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "overdue_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "applications_certificate_idx" ON "applications" USING btree ("certificate_id");