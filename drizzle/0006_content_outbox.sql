CREATE TABLE "content_outbox" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"podcast_ids" integer[] DEFAULT '{}' NOT NULL,
	"episode_ids" integer[] DEFAULT '{}' NOT NULL,
	"question_ids" integer[] DEFAULT '{}' NOT NULL,
	"origin" text DEFAULT '' NOT NULL,
	"claimed_by" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
