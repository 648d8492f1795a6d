/** The command line: one picocli class per command. */
package org.tidings.cli;
