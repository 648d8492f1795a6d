/** HTTP endpoints of {@code serve} (the merged feed, health, the public and subscriber pages), the only place Javalin and Jetty types live. */
package org.tidings.web;
