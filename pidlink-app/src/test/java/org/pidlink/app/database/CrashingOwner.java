package org.pidlink.app.database;

import java.nio.file.Path;

/**
 * A pidlink that starts its embedded PostgreSQL and then waits to be killed: the process {@link RestartAfterCrashTest}
 * kills with SIGKILL, so that nothing of pidlink's shutdown runs and the postmaster is left behind.
 */
public final class CrashingOwner {

    static final String READY = "embedded PostgreSQL ready";

    private CrashingOwner() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase.start(new EmbeddedPostgresProperties(Path.of(args[0]), false));
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
