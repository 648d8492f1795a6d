-- An admin's own fetch interval for one feed, in minutes; NULL keeps fetch.interval. Portable SQL.
ALTER TABLE feeds ADD COLUMN interval_minutes INTEGER;
