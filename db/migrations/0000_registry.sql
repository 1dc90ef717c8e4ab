CREATE TABLE "certificates" (
	"id" text PRIMARY KEY NOT NULL,
	"provider_id" text NOT NULL,
	"kid" text NOT NULL,
	"serial" text NOT NULL,
	"type" text NOT NULL,
	"record" text NOT NULL,
	"record_digest" text NOT NULL,
	"token" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" text NOT NULL,
	"status" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	"revocation_comment" text,
	"revoked_by" text,
	"idempotency_key" text,
	"request_hash" text
);
--> statement-breakpoint
CREATE TABLE "events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor" text NOT NULL,
	"provider_id" text,
	"certificate_id" text,
	"request_id" text,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officers" (
	"id" text PRIMARY KEY NOT NULL,
	"provider_id" text NOT NULL,
	"full_name" text NOT NULL,
	"token_hash" text NOT NULL,
	"roles" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "officers_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "provider_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"kid_hint" text NOT NULL,
	"provider_id" text NOT NULL,
	"public_key" text NOT NULL,
	"status" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone,
	"compromised_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "providers_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "serial_counters" (
	"provider_id" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "serial_counters_provider_id_year_pk" PRIMARY KEY("provider_id","year")
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_kid_provider_keys_kid_fk" FOREIGN KEY ("kid") REFERENCES "public"."provider_keys"("kid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_keys" ADD CONSTRAINT "provider_keys_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "serial_counters" ADD CONSTRAINT "serial_counters_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_serial_uq" ON "certificates" USING btree ("provider_id","serial");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_idempotency_uq" ON "certificates" USING btree ("provider_id","idempotency_key") WHERE "certificates"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "certificates_provider_issued_idx" ON "certificates" USING btree ("provider_id","issued_at");--> statement-breakpoint
CREATE INDEX "events_certificate_idx" ON "events" USING btree ("certificate_id");--> statement-breakpoint
CREATE INDEX "provider_keys_provider_idx" ON "provider_keys" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "provider_keys_hint_idx" ON "provider_keys" USING btree ("kid_hint");