package org.pidlink.app.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Every HTTP session pidlink's servlet container creates, as the container reports it. */
@TestComponent
public class RecordedSessions implements HttpSessionListener {

    private final List<HttpSession> created = new CopyOnWriteArrayList<>();
    private final List<String> destroyed = new CopyOnWriteArrayList<>();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        created.add(event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        destroyed.add(event.getSession().getId());
    }

    public int createdCount() {
        return created.size();
    }

    /** Sessions created since {@code from} (a {@link #createdCount()}) that still live. */
    public List<HttpSession> liveSince(int from) {
        return created.subList(from, created.size()).stream().filter(s -> !destroyed.contains(s.getId())).toList();
    }
}
