/** The database: connection pool, Flyway migrations and one store class per table group. */
package org.tidings.store;
