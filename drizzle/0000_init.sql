CREATE TYPE "public"."link_origin" AS ENUM('editorial', 'auto');--> statement-breakpoint
CREATE TYPE "public"."segment_origin" AS ENUM('editorial', 'chapters', 'shownotes', 'transcript');--> statement-breakpoint
CREATE TABLE "episode_people" (
	"episode_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"role" text DEFAULT 'guest' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "episode_people_episode_id_person_id_role_pk" PRIMARY KEY("episode_id","person_id","role")
);
--> statement-breakpoint
CREATE TABLE "episodes" (
	"id" serial PRIMARY KEY NOT NULL,
	"podcast_id" integer NOT NULL,
	"slug" text NOT NULL,
	"guid" text NOT NULL,
	"title" text NOT NULL,
	"season" integer,
	"episode_number" integer,
	"published_at" timestamp with time zone,
	"duration_seconds" double precision,
	"audio_url" text,
	"audio_mime_type" text,
	"image_url" text,
	"description_html" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "episodes_duration_positive" CHECK ("episodes"."duration_seconds" IS NULL OR "episodes"."duration_seconds" > 0)
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"credentials" text,
	"handle" text,
	"link" text,
	"image_url" text,
	"bio" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "podcasts" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"author" text,
	"description" text,
	"link" text,
	"image_url" text,
	"language" text,
	"feed_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_segments" (
	"question_id" integer NOT NULL,
	"segment_id" integer NOT NULL,
	"rank" integer NOT NULL,
	"excerpt" text,
	"origin" "link_origin" NOT NULL,
	"score" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "question_segments_question_id_segment_id_pk" PRIMARY KEY("question_id","segment_id"),
	CONSTRAINT "question_segments_rank_positive" CHECK ("question_segments"."rank" >= 1)
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"text" text NOT NULL,
	"alternatives" text[] DEFAULT '{}'::text[] NOT NULL,
	"answer" text,
	"featured" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" serial PRIMARY KEY NOT NULL,
	"episode_id" integer NOT NULL,
	"position" integer NOT NULL,
	"start_seconds" double precision NOT NULL,
	"end_seconds" double precision NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"text" text,
	"origin" "segment_origin" DEFAULT 'editorial' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segments_start_not_negative" CHECK ("segments"."start_seconds" >= 0),
	CONSTRAINT "segments_end_after_start" CHECK ("segments"."end_seconds" > "segments"."start_seconds")
);
--> statement-breakpoint
CREATE TABLE "transcript_cues" (
	"id" serial PRIMARY KEY NOT NULL,
	"episode_id" integer NOT NULL,
	"position" integer NOT NULL,
	"start_seconds" double precision NOT NULL,
	"end_seconds" double precision NOT NULL,
	"speaker" text,
	"text" text NOT NULL,
	CONSTRAINT "transcript_cues_start_not_negative" CHECK ("transcript_cues"."start_seconds" >= 0),
	CONSTRAINT "transcript_cues_end_after_start" CHECK ("transcript_cues"."end_seconds" > "transcript_cues"."start_seconds")
);
--> statement-breakpoint
ALTER TABLE "episode_people" ADD CONSTRAINT "episode_people_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_people" ADD CONSTRAINT "episode_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_podcast_id_podcasts_id_fk" FOREIGN KEY ("podcast_id") REFERENCES "public"."podcasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_segments" ADD CONSTRAINT "question_segments_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_segments" ADD CONSTRAINT "question_segments_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcript_cues" ADD CONSTRAINT "transcript_cues_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "episode_people_person_idx" ON "episode_people" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "episodes_podcast_slug_key" ON "episodes" USING btree ("podcast_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "episodes_podcast_guid_key" ON "episodes" USING btree ("podcast_id","guid");--> statement-breakpoint
CREATE INDEX "episodes_podcast_published_idx" ON "episodes" USING btree ("podcast_id","published_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "episodes_published_idx" ON "episodes" USING btree ("published_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "people_slug_key" ON "people" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "podcasts_slug_key" ON "podcasts" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "podcasts_feed_url_key" ON "podcasts" USING btree ("feed_url");--> statement-breakpoint
CREATE INDEX "question_segments_segment_idx" ON "question_segments" USING btree ("segment_id");--> statement-breakpoint
CREATE INDEX "question_segments_question_rank_idx" ON "question_segments" USING btree ("question_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "questions_slug_key" ON "questions" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "questions_featured_idx" ON "questions" USING btree ("featured");--> statement-breakpoint
CREATE UNIQUE INDEX "segments_episode_position_key" ON "segments" USING btree ("episode_id","position");--> statement-breakpoint
CREATE INDEX "segments_episode_start_idx" ON "segments" USING btree ("episode_id","start_seconds");--> statement-breakpoint
CREATE UNIQUE INDEX "transcript_cues_episode_position_key" ON "transcript_cues" USING btree ("episode_id","position");--> statement-breakpoint
CREATE INDEX "transcript_cues_episode_start_idx" ON "transcript_cues" USING btree ("episode_id","start_seconds");