/** The HTTP server of {@code serve} and what its route groups share (routes, page writing, headers, static files, health and metrics for operators), the only place Javalin and Jetty types live. */
package org.tidings.web;
