-- Deliveries claimed by the node that sends them, so that several nodes share an issue's sending
-- and none sends a row another holds. claimed_by names the node (model.NodeId); lease_until, in the
-- database's time, is when the claim lapses if that node dies; handed_at is set just before the
-- message is handed to SMTP, so that a lapsed claim tells "never sent" (sent again by another
-- node) from "in doubt" (handed over, outcome unknown: counted, never sent twice). The claim reads
-- through deliveries_status (issue_id, status, subscriber_id) as the pages before it did.
-- Portable SQL (H2 and PostgreSQL).

ALTER TABLE deliveries ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE deliveries ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE deliveries ADD COLUMN handed_at TIMESTAMP WITH TIME ZONE;
