-- Fills content_outbox (0006, schema.ts contentOutbox) from statement triggers with transition tables: one row per
-- writing statement, in the writer's own transaction, naming what it touched. Written with
-- `drizzle-kit generate --custom`, so it is tracked in meta/_journal.json like any other migration.
-- TG_ARGV[0] is what the ids are (podcast, episode, question, or person: turned into the episodes they appear in),
-- TG_ARGV[1] the column that holds them. Question links are recorded too, automatic ones included: one server derives
-- them from a change (content-sync.ts says which), and the others read them from here.
CREATE FUNCTION record_content_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	kind text := TG_ARGV[0];
	ids integer[];
BEGIN
	IF TG_OP = 'UPDATE' THEN
		EXECUTE format('SELECT array_agg(DISTINCT id) FROM (SELECT %1$I AS id FROM changed_rows UNION SELECT %1$I FROM old_rows) r', TG_ARGV[1]) INTO ids;
	ELSE
		EXECUTE format('SELECT array_agg(DISTINCT %I) FROM changed_rows', TG_ARGV[1]) INTO ids;
	END IF;
	IF kind = 'person' AND ids IS NOT NULL THEN
		SELECT array_agg(DISTINCT episode_id) INTO ids FROM episode_people WHERE person_id = ANY(ids);
		kind := 'episode';
	END IF;
	IF ids IS NULL THEN
		RETURN NULL; -- the statement touched no rows
	END IF;
	INSERT INTO content_outbox (podcast_ids, episode_ids, question_ids, origin) VALUES (
		CASE WHEN kind = 'podcast' THEN ids ELSE '{}' END,
		CASE WHEN kind = 'episode' THEN ids ELSE '{}' END,
		CASE WHEN kind = 'question' THEN ids ELSE '{}' END,
		coalesce(current_setting('application_name', true), '')
	);
	-- Delivered when the transaction commits; it only wakes the servers, which read the outbox for what changed.
	PERFORM pg_notify('content_outbox', '');
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER podcasts_outbox_insert AFTER INSERT ON podcasts REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('podcast', 'id');
--> statement-breakpoint
CREATE TRIGGER podcasts_outbox_update AFTER UPDATE ON podcasts REFERENCING NEW TABLE AS changed_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('podcast', 'id');
--> statement-breakpoint
CREATE TRIGGER podcasts_outbox_delete AFTER DELETE ON podcasts REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('podcast', 'id');
--> statement-breakpoint
CREATE TRIGGER episodes_outbox_insert AFTER INSERT ON episodes REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('episode', 'id');
--> statement-breakpoint
CREATE TRIGGER episodes_outbox_update AFTER UPDATE ON episodes REFERENCING NEW TABLE AS changed_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('episode', 'id');
--> statement-breakpoint
CREATE TRIGGER episodes_outbox_delete AFTER DELETE ON episodes REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('episode', 'id');
--> statement-breakpoint
CREATE TRIGGER segments_outbox_insert AFTER INSERT ON segments REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('episode', 'episode_id');
--> statement-breakpoint
CREATE TRIGGER segments_outbox_update AFTER UPDATE ON segments REFERENCING NEW TABLE AS changed_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('episode', 'episode_id');
--> statement-breakpoint
CREATE TRIGGER segments_outbox_delete AFTER DELETE ON segments REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('episode', 'episode_id');
--> statement-breakpoint
CREATE TRIGGER episode_people_outbox_insert AFTER INSERT ON episode_people REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('episode', 'episode_id');
--> statement-breakpoint
CREATE TRIGGER episode_people_outbox_update AFTER UPDATE ON episode_people REFERENCING NEW TABLE AS changed_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('episode', 'episode_id');
--> statement-breakpoint
CREATE TRIGGER episode_people_outbox_delete AFTER DELETE ON episode_people REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('episode', 'episode_id');
--> statement-breakpoint
CREATE TRIGGER people_outbox_update AFTER UPDATE ON people REFERENCING NEW TABLE AS changed_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('person', 'id');
--> statement-breakpoint
CREATE TRIGGER questions_outbox_insert AFTER INSERT ON questions REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('question', 'id');
--> statement-breakpoint
CREATE TRIGGER questions_outbox_update AFTER UPDATE ON questions REFERENCING NEW TABLE AS changed_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('question', 'id');
--> statement-breakpoint
CREATE TRIGGER questions_outbox_delete AFTER DELETE ON questions REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('question', 'id');
--> statement-breakpoint
CREATE TRIGGER question_segments_outbox_insert AFTER INSERT ON question_segments REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('question', 'question_id');
--> statement-breakpoint
CREATE TRIGGER question_segments_outbox_update AFTER UPDATE ON question_segments REFERENCING NEW TABLE AS changed_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('question', 'question_id');
--> statement-breakpoint
CREATE TRIGGER question_segments_outbox_delete AFTER DELETE ON question_segments REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_content_change('question', 'question_id');
