package org.pidlink.emulator.inbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.StateListener;
import org.pidlink.emulator.state.StateSection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The researchers' ORCID inboxes: permission notifications by put-code, and who opted out of them. One per
 * emulator ({@link #of}); thread-safe. Put-codes have their own sequence, as ORCID's notifications do.
 */
public final class Inbox {

    private static final String SECTION = "inbox";

    private final EmulatorState state;
    private final Map<Long, StoredNotification> byPutCode = new ConcurrentHashMap<>();
    private final Set<String> optedOut = ConcurrentHashMap.newKeySet();
    private final AtomicLong putCodes = new AtomicLong(0);
    /** Orders changes with their journal lines (see {@link org.pidlink.emulator.state.StateJournal}). */
    private final Object changes = new Object();

    Inbox(EmulatorState state) {
        this.state = state;
        state.addListener(new StateListener() {
            @Override
            public void reset() {
                byPutCode.clear();
                optedOut.clear();
            }
        });
        state.addSection(new Section());
    }

    /** The inbox in the state file: notifications with their dates, who opted out, the put-code sequence. */
    record Saved(long lastPutCode, List<StoredNotification> notifications, List<String> optedOut) {
    }

    /** One change in the journal: a notification as it now is, or a researcher's choice about requests. */
    record Change(StoredNotification notification, String orcid, Boolean accepts) {
    }

    private final class Section implements StateSection {
        @Override
        public String name() {
            return SECTION;
        }

        @Override
        public Object snapshot() {
            List<StoredNotification> all = new ArrayList<>(byPutCode.values());
            all.sort(Comparator.comparingLong(StoredNotification::putCode));
            return new Saved(putCodes.get(), all, optedOut.stream().sorted().toList());
        }

        @Override
        public void restore(JsonNode saved, JsonMapper json) {
            Saved s = json.treeToValue(saved, Saved.class);
            byPutCode.clear();
            optedOut.clear();
            if (s.notifications() != null) {
                s.notifications().forEach(n -> byPutCode.put(n.putCode(), n));
            }
            if (s.optedOut() != null) {
                optedOut.addAll(s.optedOut());
            }
            long highest = byPutCode.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            putCodes.set(Math.max(s.lastPutCode(), highest));
        }

        @Override
        public void replay(JsonNode entry, JsonMapper json) {
            Change c = json.treeToValue(entry, Change.class);
            if (c.notification() != null) {
                byPutCode.put(c.notification().putCode(), c.notification());
                putCodes.accumulateAndGet(c.notification().putCode(), Math::max);
            } else {
                acceptNow(c.orcid(), c.accepts());
            }
        }
    }

    public static Inbox of(EmulatorContext ctx) {
        return ctx.shared(Inbox.class, () -> new Inbox(ctx.state()));
    }

    public StoredNotification add(String orcid, String clientId, String clientName, PermissionNotification content) {
        var now = state.now();
        StoredNotification n = new StoredNotification(putCodes.incrementAndGet(), orcid, clientId, clientName,
                content, now, now, null, null, null);
        synchronized (changes) {
            byPutCode.put(n.putCode(), n);
            state.journal().section(SECTION, new Change(n, null, null));
        }
        return n;
    }

    /** A notification of this researcher, or empty (unknown put-code, or another researcher's). */
    public Optional<StoredNotification> get(String orcid, long putCode) {
        return Optional.ofNullable(byPutCode.get(putCode)).filter(n -> n.orcid().equals(orcid));
    }

    /** The researcher's notifications, newest first. */
    public List<StoredNotification> of(String orcid) {
        List<StoredNotification> out = new ArrayList<>();
        for (StoredNotification n : byPutCode.values()) {
            if (n.orcid().equals(orcid)) {
                out.add(n);
            }
        }
        out.sort(Comparator.comparingLong(StoredNotification::putCode).reversed());
        return out;
    }

    public Optional<StoredNotification> markRead(String orcid, long putCode) {
        return change(orcid, putCode, n -> n.read(state.now()));
    }

    public Optional<StoredNotification> markActioned(String orcid, long putCode) {
        return change(orcid, putCode, n -> n.actioned(state.now()));
    }

    public Optional<StoredNotification> archive(String orcid, long putCode) {
        return change(orcid, putCode, n -> n.archived(state.now()));
    }

    private Optional<StoredNotification> change(String orcid, long putCode, UnaryOperator<StoredNotification> f) {
        if (get(orcid, putCode).isEmpty()) {
            return Optional.empty();
        }
        synchronized (changes) {
            StoredNotification changed = byPutCode.computeIfPresent(putCode, (k, n) -> f.apply(n));
            if (changed != null) {
                state.journal().section(SECTION, new Change(changed, null, null));
            }
            return Optional.ofNullable(changed);
        }
    }

    /** Whether member organizations may post notifications to this researcher (ORCID's inbox preference). */
    public boolean accepts(String orcid) {
        return !optedOut.contains(orcid);
    }

    public void accept(String orcid, boolean yes) {
        synchronized (changes) {
            acceptNow(orcid, yes);
            state.journal().section(SECTION, new Change(null, orcid, yes));
        }
    }

    private void acceptNow(String orcid, boolean yes) {
        if (yes) {
            optedOut.remove(orcid);
        } else {
            optedOut.add(orcid);
        }
    }
}
