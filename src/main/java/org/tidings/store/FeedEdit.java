package org.tidings.store;

/**
 * What an admin may change on a feed.
 *
 * @param title null or blank to use the feed's own title again at its next fetch
 * @param intervalMinutes the feed's own fetch interval, or null for fetch.interval
 */
public record FeedEdit(String title, String category, Integer intervalMinutes) {
}
