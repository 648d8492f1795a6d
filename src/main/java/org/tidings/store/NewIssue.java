package org.tidings.store;

import java.util.List;
import org.tidings.model.Issue;

/**
 * An issue about to be created.
 *
 * @param planned its number, period and subject; the id is ignored
 * @param webHtml the rendered web version, kept for the archive
 * @param articleIds the articles it contains, kept past retention.days by housekeeping
 */
public record NewIssue(Issue planned, String webHtml, List<Long> articleIds) {
    public NewIssue {
        articleIds = List.copyOf(articleIds);
    }
}
