package org.pidlink.emulator.traffic;

import java.util.Random;
import org.pidlink.emulator.http.Response;

/** Decides, call by call, whether a member-API call fails, and how (see {@link Faults}). */
public final class FaultInjector {

    private volatile Faults faults = Faults.NONE;
    private volatile Random random = new Random();

    public void configure(Faults f) {
        Random r = f.seed() == null ? new Random() : new Random(f.seed());
        this.random = r;
        this.faults = f;
    }

    public Faults faults() {
        return faults;
    }

    /** Null to handle the call normally, else the response to send instead (after any latency). */
    public Response before() throws InterruptedException {
        Faults f = faults;
        if (!f.active()) {
            return null;
        }
        if (f.latencyMs() > 0) {
            Thread.sleep(f.latencyMs());
        }
        Random r = random;
        double drop;
        double err;
        int pick;
        synchronized (r) {
            drop = r.nextDouble();
            err = r.nextDouble();
            pick = r.nextInt(f.statuses().size());
        }
        if (drop < f.dropConnectionRate()) {
            return Response.drop();
        }
        if (err < f.errorRate()) {
            int status = f.statuses().get(pick);
            Response answer = f.errorBody() == Faults.ErrorBody.EMPTY ? Response.empty(status) : Response.html(status,
                    "<html><head><title>" + status + "</title></head><body><h1>" + status + "</h1>"
                            + "<p>Injected by the ORCID emulator.</p></body></html>");
            return answer.withHeader("X-Emulator-Fault", "injected");
        }
        return null;
    }
}
