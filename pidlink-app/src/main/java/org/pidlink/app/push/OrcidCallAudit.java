package org.pidlink.app.push;

import java.sql.Timestamp;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.pidlink.orcid.client.OrcidCall;
import org.pidlink.orcid.client.OrcidCallContext;
import org.pidlink.orcid.client.OrcidCallListener;
import org.pidlink.orcid.client.OrcidError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Keeps every call to ORCID in {@code orcid_call}: method, path, status, ORCID error code, latency, time, and the
 * claims the call was made for; and times it in the meter {@code pidlink.orcid.calls} (tagged by method, path
 * template, status and ORCID error code only: no iD or put-code, so the number of series stays bounded). Install
 * it as the ORCID client's {@link OrcidCallListener}; the push engine says which claims a call serves in the call's
 * {@link OrcidCallContext}. Thread-safe.
 */
public final class OrcidCallAudit implements OrcidCallListener {

    private static final Logger log = LoggerFactory.getLogger(OrcidCallAudit.class);

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final Counter unavailable;

    /** An audit without metrics (a registry without exporters drops what it is given). */
    public OrcidCallAudit(DataSource dataSource) {
        this(dataSource, new CompositeMeterRegistry());
    }

    public OrcidCallAudit(DataSource dataSource, MeterRegistry meters) {
        this.jdbc = JdbcClient.create(dataSource);
        this.meters = meters;
        this.unavailable = Counter.builder("pidlink.orcid.unavailable")
                .description("ORCID answers 503 (rate limit or maintenance)").register(meters);
    }

    @Override
    public void onCall(OrcidCall call) {
        OrcidCallContext ctx = call.context();
        OrcidError error = call.error();
        time(call);
        try {
            jdbc.sql("""
                    INSERT INTO orcid_call (called_at, method, path, status, error_code, latency_ms, orcid,
                                            registration_id, claim_ids, items, failure, call_class)
                    VALUES (:at, :method, :path, :status, :code, :latency, :orcid, :reg, :claims::bigint[], :items,
                            :failure, :class)""")
                    .param("at", Timestamp.from(call.startedAt()))
                    .param("method", call.method())
                    .param("path", call.putCode() == null ? call.pathTemplate()
                            : call.pathTemplate().replace("{put-code}", call.putCode().toString()))
                    .param("status", call.status() == 0 ? null : call.status())
                    .param("code", call.errorCode() == 0 ? null : call.errorCode())
                    .param("latency", (int) Math.min(Integer.MAX_VALUE, call.latency().toMillis()))
                    .param("orcid", call.orcid() == null ? null : call.orcid().value())
                    .param("reg", ctx.registrationId())
                    .param("claims", pgArray(ctx.itemIds()))
                    .param("items", ctx.itemIds().size())
                    .param("failure", failure(error))
                    .param("class", ctx.purpose())
                    .update();
        } catch (RuntimeException e) {
            // The audit must never change the outcome of a write that already happened.
            log.warn("Could not record an ORCID call in the audit table: {}", e.toString());
        }
    }

    private void time(OrcidCall call) {
        Timer.builder("pidlink.orcid.calls").description("Calls to ORCID's API, by outcome")
                .tag("method", call.method())
                .tag("path", call.pathTemplate())
                .tag("status", call.status() == 0 ? "none" : Integer.toString(call.status()))
                .tag("error_code", call.errorCode() == 0 ? "none" : Integer.toString(call.errorCode()))
                .register(meters).record(call.latency());
        if (call.status() == 503) {
            unavailable.increment();
        }
    }

    private static @Nullable String failure(@Nullable OrcidError error) {
        if (error == null) {
            return null;
        }
        String message = error.developerMessage();
        String kind = error.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    private static String pgArray(List<Long> ids) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            s.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return s.append('}').toString();
    }
}
