/** HTTP fetching of feeds: conditional GET, redirects, compression, size caps and per-host politeness. */
package org.tidings.fetch;
