CREATE TABLE "chapter_markers" (
	"id" serial PRIMARY KEY NOT NULL,
	"episode_id" integer NOT NULL,
	"position" integer NOT NULL,
	"start_seconds" double precision NOT NULL,
	"title" text,
	"image_url" text,
	"link" text,
	CONSTRAINT "chapter_markers_start_not_negative" CHECK ("chapter_markers"."start_seconds" >= 0)
);
--> statement-breakpoint
CREATE TABLE "episode_imports" (
	"episode_id" integer PRIMARY KEY NOT NULL,
	"feed_url" text NOT NULL,
	"enclosure_url" text,
	"episode_hash" text NOT NULL,
	"people_hash" text NOT NULL,
	"segments_hash" text NOT NULL,
	"cues_hash" text NOT NULL,
	"markers_hash" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chapter_markers" ADD CONSTRAINT "chapter_markers_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_imports" ADD CONSTRAINT "episode_imports_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chapter_markers_episode_position_key" ON "chapter_markers" USING btree ("episode_id","position");