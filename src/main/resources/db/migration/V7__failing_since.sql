-- When the current run of failures began (null while the feed works): fetch.give-up-after counts
-- from there, not from the last success, so a feed paused for a week, or a Tidings down for a week,
-- is not given up at its first failure afterwards.
ALTER TABLE feeds ADD COLUMN failing_since TIMESTAMP WITH TIME ZONE;
