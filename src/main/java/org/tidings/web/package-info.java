/** HTTP endpoints of {@code serve} (the merged feed, health), the only place Javalin and Jetty types live. */
package org.tidings.web;
