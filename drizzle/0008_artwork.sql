CREATE TABLE "artwork" (
	"id" serial PRIMARY KEY NOT NULL,
	"podcast_id" integer NOT NULL,
	"episode_id" integer,
	"source_url" text NOT NULL,
	"source_hash" text NOT NULL,
	"webp96" "bytea" NOT NULL,
	"webp300" "bytea" NOT NULL,
	"webp600" "bytea" NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "artwork" ADD CONSTRAINT "artwork_podcast_id_podcasts_id_fk" FOREIGN KEY ("podcast_id") REFERENCES "public"."podcasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artwork" ADD CONSTRAINT "artwork_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "artwork_show_key" ON "artwork" USING btree ("podcast_id") WHERE "artwork"."episode_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "artwork_episode_key" ON "artwork" USING btree ("episode_id") WHERE "artwork"."episode_id" is not null;