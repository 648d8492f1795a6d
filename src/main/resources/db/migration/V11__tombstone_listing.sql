-- When a feed last listed each deleted article. A tombstone is needed only while its feed still
-- lists the article; housekeeping purges those not listed for 30 days, found through the index,
-- so that the table stops growing at steady state. Portable SQL (H2 and PostgreSQL); each
-- statement may run twice (SchemaVersionTest replays the newest migration).
ALTER TABLE deleted_articles ADD COLUMN IF NOT EXISTS last_listed_at TIMESTAMP WITH TIME ZONE;
-- Unknown for the tombstones already there: their deletion is the latest listing we can vouch for.
UPDATE deleted_articles SET last_listed_at = deleted_at WHERE last_listed_at IS NULL;
ALTER TABLE deleted_articles ALTER COLUMN last_listed_at SET NOT NULL;

CREATE INDEX IF NOT EXISTS deleted_articles_last_listed ON deleted_articles (last_listed_at);
