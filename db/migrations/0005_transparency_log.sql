CREATE TABLE "log_checkpoints" (
	"size" bigint PRIMARY KEY NOT NULL,
	"root" "bytea" NOT NULL,
	"note" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log_entries" (
	"index" bigint PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"certificate_id" text,
	"provider_id" text NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log_head" (
	"id" smallint PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	CONSTRAINT "log_head_one_row" CHECK ("log_head"."id" = 1),
	CONSTRAINT "log_head_size" CHECK ("log_head"."size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "log_nodes" (
	"level" smallint NOT NULL,
	"index" bigint NOT NULL,
	"hash" "bytea" NOT NULL,
	CONSTRAINT "log_nodes_level_index_pk" PRIMARY KEY("level","index")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "log_entries_issued_uq" ON "log_entries" USING btree ("certificate_id") WHERE "log_entries"."kind" = 'certificate.issued';--> statement-breakpoint
CREATE INDEX "log_entries_provider_idx" ON "log_entries" USING btree ("provider_id","index");