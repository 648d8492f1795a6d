-- Housekeeping. Which articles each issue contained: housekeeping keeps these rows' articles past
-- retention.days (the archive and an unfinished issue's resumption rely on them); everything else may go.
CREATE TABLE issue_articles (
    issue_id   BIGINT NOT NULL,
    article_id BIGINT NOT NULL,
    CONSTRAINT issue_articles_pk PRIMARY KEY (issue_id, article_id),
    CONSTRAINT issue_articles_issue_fk FOREIGN KEY (issue_id) REFERENCES issues (id) ON DELETE CASCADE,
    CONSTRAINT issue_articles_article_fk FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE
);

CREATE INDEX issue_articles_article ON issue_articles (article_id);

-- What housekeeping deleted, by identity only: a feed that still lists an old article must not
-- bring it back as new (and into the next issue) on its next fetch.
CREATE TABLE deleted_articles (
    feed_id    BIGINT      NOT NULL,
    guid_hash  VARCHAR(64) NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT deleted_articles_pk PRIMARY KEY (feed_id, guid_hash),
    CONSTRAINT deleted_articles_feed_fk FOREIGN KEY (feed_id) REFERENCES feeds (id) ON DELETE CASCADE
);
