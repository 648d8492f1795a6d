-- Reads that cost what they return, not what the tables hold. Portable SQL (H2 and PostgreSQL).

-- The newest articles (front page, merged feeds, `feed`): both engines read this index in order and
-- stop after the LIMIT, instead of sorting every article. It replaces the index on published_at
-- alone, which could not order the second key.
CREATE INDEX articles_newest ON articles (published_at DESC, id DESC);
DROP INDEX articles_published;

-- Articles per feed, kept on write (ingest adds, housekeeping subtracts): `feeds list` and the
-- admin read one row per feed instead of counting the articles table per feed.
ALTER TABLE feeds ADD COLUMN article_count BIGINT DEFAULT 0 NOT NULL;
UPDATE feeds SET article_count = (SELECT COUNT(*) FROM articles a WHERE a.feed_id = feeds.id);

-- A finished issue's ledger no longer changes: its counts are written once when it completes, so
-- the admin's history and `status` do not count a year of deliveries on every visit.
ALTER TABLE issues ADD COLUMN sent_count BIGINT;
ALTER TABLE issues ADD COLUMN failed_count BIGINT;
ALTER TABLE issues ADD COLUMN skipped_count BIGINT;
UPDATE issues SET
    sent_count = (SELECT COUNT(*) FROM deliveries d WHERE d.issue_id = issues.id AND d.status = 'sent'),
    failed_count = (SELECT COUNT(*) FROM deliveries d WHERE d.issue_id = issues.id AND d.status = 'failed'),
    skipped_count = (SELECT COUNT(*) FROM deliveries d WHERE d.issue_id = issues.id AND d.status = 'skipped')
    WHERE status = 'sent';

-- Resetting refusals after an issue looks only at the few subscribers with refusals.
CREATE INDEX subscribers_refused ON subscribers (refused_issues);

-- Housekeeping walks old articles in (first_seen_at, id) order with a cursor, so that articles an
-- issue keeps are read once per run, not once per batch.
CREATE INDEX articles_first_seen_id ON articles (first_seen_at, id);
DROP INDEX articles_first_seen;

-- The newest articles of one feed, for a small category's merged feed.
CREATE INDEX articles_feed_newest ON articles (feed_id, published_at DESC, id DESC);
