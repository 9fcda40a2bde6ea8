-- Rules drizzle-kit cannot express: a segment lies inside its episode, and segments of one episode never overlap.
-- Written with `drizzle-kit generate --custom`, so it is tracked in meta/_journal.json like any other migration.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_no_overlap"
	EXCLUDE USING gist ("episode_id" WITH =, numrange("start_seconds"::numeric, "end_seconds"::numeric) WITH &&);
--> statement-breakpoint
CREATE FUNCTION segments_inside_episode() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	episode_duration double precision;
BEGIN
	SELECT duration_seconds INTO episode_duration FROM episodes WHERE id = NEW.episode_id;
	-- An episode whose length is unknown (some feeds leave it out) cannot bound its segments.
	IF episode_duration IS NOT NULL AND NEW.end_seconds > episode_duration THEN
		RAISE EXCEPTION 'segment "%" ends at % s, after the episode ends at % s', NEW.title, NEW.end_seconds, episode_duration
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER segments_inside_episode BEFORE INSERT OR UPDATE OF start_seconds, end_seconds, episode_id ON segments
	FOR EACH ROW EXECUTE FUNCTION segments_inside_episode();
--> statement-breakpoint
CREATE FUNCTION episodes_keep_segments_inside() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.duration_seconds IS NOT NULL
		AND EXISTS (SELECT 1 FROM segments WHERE episode_id = NEW.id AND end_seconds > NEW.duration_seconds) THEN
		RAISE EXCEPTION 'episode "%" cannot be shortened to % s: a segment ends later', NEW.title, NEW.duration_seconds
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER episodes_keep_segments_inside BEFORE UPDATE OF duration_seconds ON episodes
	FOR EACH ROW EXECUTE FUNCTION episodes_keep_segments_inside();
