package org.pidlink.app.claims;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a {@link Listener}, as they commit on any instance sharing the database, which DOIs' claims changed: the
 * claim table's triggers NOTIFY them ({@code V20_1__claim_link_changes.sql}) and this class LISTENs on a connection
 * of its own, on a thread of its own. A cache of links kept in memory (the public lookup's) stays exact with it:
 * <ul>
 * <li>{@link Listener#listening()} comes once the connection listens, before anything else: every change committed
 * after it will be told, so links read from then on are current once the changes told meanwhile are applied;</li>
 * <li>{@link Listener#caughtUp(long)}: every change this instance had made when {@link Claims#changes()} was
 * {@code n} has been told. A change is told after its commit, so a reader that must see this instance's own
 * changes at once answers from the database while {@code Claims.changes()} is not the last {@code n} told; this
 * class asks for the next {@code n} (a NOTIFY on its own connection, which comes back after every earlier
 * commit's) within {@link #POLL} of a change;</li>
 * <li>{@link Listener#lost(Exception)}: the connection failed; changes are no longer told until the next
 * {@code listening()} (it tries again every few seconds).</li>
 * </ul>
 * Callbacks run on this class's thread, one at a time, in commit order.
 */
public final class LinkChanges implements AutoCloseable {

    /** What changes are told to. */
    public interface Listener {

        /** Changes are told from now on (also after a {@code lost} connection came back, and after a TRUNCATE). */
        void listening();

        /** The claims of these DOIs changed (inserted, updated or deleted) in a committed transaction. */
        void changed(List<String> dois);

        /** Every change this instance made up to {@link Claims#changes()} {@code == changes} has been told. */
        void caughtUp(long changes);

        /** Changes are no longer told until {@link #listening()} comes again. */
        void lost(Exception cause);
    }

    static final String CHANNEL = "pidlink_claim_links";
    /** How long a wait for notifications lasts at most: the longest a change of this instance goes uncaught. */
    static final Duration POLL = Duration.ofMillis(10);
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(LinkChanges.class);

    private final DataSource dataSource;
    private final LongSupplier localChanges;
    private final Listener listener;
    /** This instance's barriers start with it, so it ignores other instances' ("!" never starts a DOI). */
    private final String barrierPrefix = "!" + UUID.randomUUID() + ":";
    private final Thread thread;
    private volatile boolean closed;

    private LinkChanges(DataSource dataSource, LongSupplier localChanges, Listener listener) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.localChanges = Objects.requireNonNull(localChanges, "localChanges");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.thread = Thread.ofPlatform().daemon().name("claim-link-changes").unstarted(this::run);
    }

    /**
     * Starts telling {@code listener} the changes to claims, on a thread of its own.
     *
     * @param localChanges this instance's {@link Claims#changes()}
     */
    public static LinkChanges start(DataSource dataSource, LongSupplier localChanges, Listener listener) {
        LinkChanges changes = new LinkChanges(dataSource, localChanges, listener);
        changes.thread.start();
        return changes;
    }

    private void run() {
        while (!closed) {
            try {
                listen();
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn("Stopped following changes to claims ({}); trying again in {} s", e.getMessage(),
                        RETRY.toSeconds());
                listener.lost(e);
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void listen() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            sql.execute("LISTEN " + CHANNEL);
            try {
                follow(connection, sql);
            } finally {
                // A pooled connection must not go back listening: unread notifications would fill PostgreSQL's
                // queue (8 GB) for every session, until NOTIFY, and so every change to claims, failed.
                if (!connection.isClosed()) {
                    sql.execute("UNLISTEN *");
                }
            }
        }
    }

    private void follow(Connection connection, Statement sql) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        listener.listening();
        long barrier = 0;
        long pending = -1; // the local changes count the outstanding barrier was asked at; -1: none outstanding
        long caughtUp = -1;
        while (!closed) {
            long now = localChanges.getAsLong();
            if (pending < 0 && now != caughtUp) {
                pending = now;
                barrier++;
                sql.execute("SELECT pg_notify('" + CHANNEL + "', '" + barrierPrefix + barrier + "')");
            }
            PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
            if (notifications == null || notifications.length == 0) {
                continue;
            }
            List<String> dois = new ArrayList<>();
            for (PGNotification n : notifications) {
                String message = n.getParameter();
                if (message.equals("*")) { // TRUNCATE: read everything again, then catch up again
                    dois.clear();
                    listener.listening();
                    caughtUp = -1;
                } else if (message.startsWith("!")) {
                    if (message.equals(barrierPrefix + barrier)) {
                        tell(dois);
                        caughtUp = pending;
                        pending = -1;
                        listener.caughtUp(caughtUp);
                    }
                } else {
                    dois.addAll(List.of(message.split("\n")));
                }
            }
            tell(dois);
        }
    }

    private void tell(List<String> dois) {
        if (!dois.isEmpty()) {
            listener.changed(List.copyOf(dois));
            dois.clear();
        }
    }

    /** Stops following changes (the connection goes back to the pool within {@link #POLL}). */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
