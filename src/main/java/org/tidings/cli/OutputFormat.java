package org.tidings.cli;

/** How list commands print: aligned for people or JSON for scripts. */
enum OutputFormat {
    table, json
}
