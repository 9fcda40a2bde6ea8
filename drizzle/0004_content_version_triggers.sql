-- The content version search snapshots are keyed by (see content_version in schema.ts). Written with
-- `drizzle-kit generate --custom`, so it is tracked in meta/_journal.json like any other migration.
INSERT INTO content_version (id) VALUES (1) ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
-- One row per writing transaction: later statements of the same transaction find their row and do nothing. Rows of
-- different transactions never conflict, so concurrent writers do not wait on each other here.
CREATE FUNCTION note_content_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO content_changes (txid) VALUES (txid_current()) ON CONFLICT (txid) DO NOTHING;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER podcasts_content_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON podcasts
	FOR EACH STATEMENT EXECUTE FUNCTION note_content_change();
--> statement-breakpoint
CREATE TRIGGER episodes_content_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON episodes
	FOR EACH STATEMENT EXECUTE FUNCTION note_content_change();
--> statement-breakpoint
CREATE TRIGGER people_content_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people
	FOR EACH STATEMENT EXECUTE FUNCTION note_content_change();
--> statement-breakpoint
CREATE TRIGGER episode_people_content_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON episode_people
	FOR EACH STATEMENT EXECUTE FUNCTION note_content_change();
--> statement-breakpoint
CREATE TRIGGER segments_content_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON segments
	FOR EACH STATEMENT EXECUTE FUNCTION note_content_change();
--> statement-breakpoint
CREATE TRIGGER questions_content_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON questions
	FOR EACH STATEMENT EXECUTE FUNCTION note_content_change();
