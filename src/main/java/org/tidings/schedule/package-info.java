/** Quartz wiring: the scheduler over our database, and one thin job per kind of recurring work. */
package org.tidings.schedule;
