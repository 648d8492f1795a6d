-- Which articles each issue contained. Housekeeping keeps these rows' articles past retention.days
-- (the archive and an unfinished issue's resumption rely on them); everything else may go.
CREATE TABLE issue_articles (
    issue_id   BIGINT NOT NULL,
    article_id BIGINT NOT NULL,
    CONSTRAINT issue_articles_pk PRIMARY KEY (issue_id, article_id),
    CONSTRAINT issue_articles_issue_fk FOREIGN KEY (issue_id) REFERENCES issues (id) ON DELETE CASCADE,
    CONSTRAINT issue_articles_article_fk FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE
);

CREATE INDEX issue_articles_article ON issue_articles (article_id);
