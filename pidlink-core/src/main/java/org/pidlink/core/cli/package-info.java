/** {@code ./pidlink inspect} and {@code ./pidlink convert}: see {@link org.pidlink.core.cli.PidlinkCoreCli}. */
package org.pidlink.core.cli;
