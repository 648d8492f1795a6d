/** Orchestrates fetch, parse and store for the feeds that are due, and records errors and backoff. */
package org.tidings.ingest;
