/** serve's meters for operators, in Prometheus text through Micrometer; the only package that sees Micrometer. */
package org.tidings.metrics;
