/** CSV (RFC 4180) rows in and out, for the subscriber list's import and export. */
package org.tidings.csv;
