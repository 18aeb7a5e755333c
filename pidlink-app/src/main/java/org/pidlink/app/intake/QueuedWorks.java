package org.pidlink.app.intake;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.WorkPayload;

/**
 * The works this instance's intake queued (by hash), handed to its intake worker in memory: the worker would
 * otherwise read back from {@code intake_work}, on each of its threads, the megabytes of a large collaboration's
 * work that intake has just written. Works are content-addressed, so whatever is found here is the work the
 * database holds under that hash; a work not found (queued by another instance, before a restart, or evicted) is
 * read from the database as before. Bounded by the works' total length, oldest out first; a work leaves when the
 * worker removes its last task's row.
 */
final class QueuedWorks {

    /** JSON characters kept at most: a few of the largest works (about 2.5 MB each), or thousands of ordinary ones. */
    static final long DEFAULT_MAX_CHARS = 16L * 1024 * 1024;

    private final long maxChars;
    private final Map<String, WorkPayload> works = new LinkedHashMap<>();
    private long chars;

    QueuedWorks() {
        this(DEFAULT_MAX_CHARS);
    }

    QueuedWorks(long maxChars) {
        if (maxChars < 0) {
            throw new IllegalArgumentException("maxChars must not be negative: " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /** Intake queued tasks for this work. */
    synchronized void queued(WorkPayload work) {
        Objects.requireNonNull(work, "work");
        long size = work.json().length();
        if (size > maxChars || works.containsKey(work.canonicalHash())) {
            return;
        }
        works.put(work.canonicalHash(), work);
        chars += size;
        Iterator<WorkPayload> oldest = works.values().iterator();
        while (chars > maxChars) {
            chars -= oldest.next().json().length();
            oldest.remove();
        }
    }

    /** The work queued under this hash, or null when it must be read from the database. */
    synchronized @Nullable WorkPayload find(String hash) {
        return works.get(hash);
    }

    /** The works' last tasks are done and their rows removed. */
    synchronized void done(Collection<String> hashes) {
        for (String hash : hashes) {
            WorkPayload removed = works.remove(hash);
            if (removed != null) {
                chars -= removed.json().length();
            }
        }
    }

    synchronized int size() {
        return works.size();
    }
}
