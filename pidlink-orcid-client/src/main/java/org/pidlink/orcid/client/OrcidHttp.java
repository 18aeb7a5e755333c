package org.pidlink.orcid.client;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.pidlink.core.identifiers.OrcidId;

/**
 * Sends one request: waits for the rate limiter, times the exchange, turns transport failures into
 * {@link OrcidError}s and tells the {@link OrcidCallListener}. Knows nothing about ORCID's resources.
 */
final class OrcidHttp {

    private static final System.Logger LOG = System.getLogger(OrcidHttp.class.getName());

    /** Who is called, for the listener; {@code putCode} is the one addressed (null for creations and lists). */
    record Call(String method, String pathTemplate, OrcidId orcid, Long putCode, boolean rateLimited) {
    }

    @FunctionalInterface
    interface ResponseReader<T> {
        OrcidResult<T> read(HttpResponse<byte[]> response);
    }

    private final HttpClient http;
    private final OrcidRateLimiter limiter;
    private final OrcidCallListener listener;
    private final OrcidCallContext context;

    OrcidHttp(HttpClient http, OrcidRateLimiter limiter, OrcidCallListener listener, OrcidCallContext context) {
        this.http = http;
        this.limiter = limiter;
        this.listener = listener;
        this.context = context;
    }

    /** The same connections, limiter and listener, with every call made for {@code newContext}. */
    OrcidHttp on(OrcidCallContext newContext) {
        return new OrcidHttp(http, limiter, listener, newContext);
    }

    /**
     * @param createdPutCode extracts the put-code a successful call created, for the listener (may return null)
     */
    <T> OrcidResult<T> exchange(Call call, HttpRequest request, ResponseReader<T> reader,
                                Function<? super T, Long> createdPutCode) {
        if (call.rateLimited()) {
            try {
                limiter.acquire(context);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OrcidResult.failed(new OrcidError.Interrupted(
                        OrcidProblem.noResponse("interrupted while waiting for the rate limiter")));
            }
        }
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        OrcidResult<T> result;
        int status = 0;
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            result = readSafely(reader, response);
        } catch (HttpConnectTimeoutException e) {
            result = OrcidResult.failed(new OrcidError.NetworkFailure(
                    OrcidProblem.noResponse("connect timed out: " + e.getMessage()), true));
        } catch (HttpTimeoutException e) {
            result = OrcidResult.failed(new OrcidError.NetworkFailure(
                    OrcidProblem.noResponse("request timed out: " + e.getMessage()), true));
        } catch (IOException e) {
            result = OrcidResult.failed(new OrcidError.NetworkFailure(
                    OrcidProblem.noResponse(describe(e)), false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = OrcidResult.failed(new OrcidError.Interrupted(
                    OrcidProblem.noResponse("interrupted while waiting for ORCID")));
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        report(call, status, result, createdPutCode, startedAt, latency);
        return result;
    }

    private static <T> OrcidResult<T> readSafely(ResponseReader<T> reader, HttpResponse<byte[]> response) {
        try {
            return reader.read(response);
        } catch (RuntimeException e) {
            // A 2xx whose body we cannot understand: the call may have had its effect, so say so plainly.
            return OrcidResult.failed(new OrcidError.Unexpected(new OrcidProblem(response.statusCode(), 0, "",
                    "could not read ORCID's answer: " + e.getClass().getSimpleName() + ": " + e.getMessage(), "")));
        }
    }

    private <T> void report(Call call, int status, OrcidResult<T> result, Function<? super T, Long> createdPutCode,
                            Instant startedAt, Duration latency) {
        Long putCode = call.putCode();
        OrcidError error = null;
        switch (result) {
            case OrcidResult.Ok<T> ok -> {
                if (putCode == null && createdPutCode != null && ok.value() != null) {
                    putCode = createdPutCode.apply(ok.value());
                }
            }
            case OrcidResult.Failed<T> failed -> error = failed.error();
        }
        OrcidCall record = new OrcidCall(call.method(), call.pathTemplate(), call.orcid(), putCode, status,
                error == null ? 0 : error.errorCode(), error, startedAt, latency, context);
        try {
            listener.onCall(record);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ORCID call listener failed for {0} {1}: {2}",
                    call.method(), call.pathTemplate(), e.toString());
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
