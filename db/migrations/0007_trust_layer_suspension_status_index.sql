CREATE TABLE "certificate_suspensions" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"certificate_id" text NOT NULL,
	"suspended_at" timestamp with time zone NOT NULL,
	"suspended_by" text NOT NULL,
	"reason" text NOT NULL,
	"comment" text,
	"reinstated_at" timestamp with time zone,
	"reinstated_by" text,
	"reinstatement_comment" text
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "suspension_reason" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "status_index" integer;--> statement-breakpoint
ALTER TABLE "certificate_suspensions" ADD CONSTRAINT "certificate_suspensions_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_suspensions_certificate_idx" ON "certificate_suspensions" USING btree ("certificate_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_suspensions_open_uq" ON "certificate_suspensions" USING btree ("certificate_id") WHERE "certificate_suspensions"."reinstated_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_status_index_uq" ON "certificates" USING btree ("provider_id","status_index");--> statement-breakpoint
CREATE INDEX "certificates_provider_unsettled_idx" ON "certificates" USING btree ("provider_id") WHERE "certificates"."status" <> 'active';