-- When a subscriber last asked for a confirmation email (a sign-up, or signing up again): an
-- unconfirmed sign-up expires subscribe.confirm-within after it. created_at cannot serve, since an
-- address that unsubscribed long ago and signs up again keeps its first created_at. Null on rows
-- from before this column: their created_at stands in.
ALTER TABLE subscribers ADD COLUMN signed_up_at TIMESTAMP WITH TIME ZONE;
