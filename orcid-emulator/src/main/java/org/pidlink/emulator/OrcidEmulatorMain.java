package org.pidlink.emulator;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pidlink.emulator.control.ResearcherInfo;
import org.pidlink.emulator.state.Client;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./pidlink emulator [--port N] [--state-file F] [--no-rate-limit]}: runs the emulator until stopped. */
@Command(name = "pidlink emulator", mixinStandardHelpOptions = true,
        description = "Runs the ORCID emulator: OAuth/OIDC, member API v3.0 and the /_emulator/ control API.")
public final class OrcidEmulatorMain implements Callable<Integer> {

    @Option(names = "--port", description = "port to listen on (default ${DEFAULT-VALUE})", defaultValue = "8089")
    int port;

    @Option(names = "--host", description = "address to bind (default ${DEFAULT-VALUE})", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--public-host", description = "the host name other machines reach it by, in its URLs "
            + "(the OIDC issuer): with --host 0.0.0.0 for use beyond this machine")
    String publicHost;

    @Option(names = "--state-file", description = "keep the state in this JSON file: loaded at start (if it exists), every change "
            + "journaled beside it before it is answered, so a crash loses nothing")
    Path stateFile;

    @Option(names = "--no-rate-limit", description = "turn off ORCID's 24 requests/s (burst 40) per-client limit")
    boolean noRateLimit;

    public static void main(String[] args) {
        System.exit(new CommandLine(new OrcidEmulatorMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        long t0 = System.nanoTime();
        EmulatorSettings.Builder b = EmulatorSettings.builder().host(host).port(port).controlApi(true)
                .seedDefaults(true).stateFile(stateFile).publicHost(publicHost);
        if (noRateLimit) {
            b.noRateLimit();
        }
        OrcidEmulator emulator = OrcidEmulator.start(b.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        printBanner(emulator, (System.nanoTime() - t0) / 1_000_000);
        stopped.await();
        return 0;
    }

    private static void printBanner(OrcidEmulator e, long millis) {
        String base = e.baseUrl();
        StringBuilder sb = new StringBuilder();
        sb.append("ORCID emulator listening on ").append(base).append(" (started in ").append(millis).append(" ms)\n");
        sb.append("  OAuth:        ").append(base).append("/oauth/authorize, /oauth/token, /oauth/revoke\n");
        sb.append("  Member API:   ").append(e.apiUrl()).append("/{orcid}/works, /{orcid}/employment (and the six other affiliation kinds)\n");
        sb.append("  Public API:   ").append(e.publicApiUrl()).append("/{orcid}/works\n");
        sb.append("  Control API:  ").append(base).append("/_emulator/ (clients, researchers, tokens, stats, ...)\n");
        var limit = e.control().rateLimit();
        sb.append("  Rate limit:   ").append(limit.enabled()
                ? limit.perSecond() + " requests/s per client, burst " + limit.burst() : "off").append('\n');
        if (e.settings().stateFile() != null) {
            sb.append("  State file:   ").append(e.settings().stateFile().toAbsolutePath()).append('\n');
        }
        for (Client c : e.state().clients()) {
            String secret = c.clientId().equals(DefaultSeed.CLIENT_ID) && c.secretMatches(DefaultSeed.CLIENT_SECRET)
                    ? DefaultSeed.CLIENT_SECRET : "(set when created)";
            sb.append("  Client:       ").append(c.clientId()).append(" / ").append(secret)
                    .append(c.member() ? " (member" + (c.premium() ? ", premium" : "") + ")" : " (public)")
                    .append(", redirect URIs ").append(c.redirectUris()).append('\n');
        }
        for (ResearcherInfo r : e.control().researchers()) {
            boolean demoPassword = e.state().researcher(r.orcid()).map(x -> x.passwordMatches(DefaultSeed.PASSWORD))
                    .orElse(false);
            sb.append("  Researcher:   ").append(r.orcid()).append("  ").append(r.givenNames()).append(' ')
                    .append(r.familyName() == null ? "" : r.familyName())
                    .append(r.email() == null ? "" : "  " + r.email())
                    .append(demoPassword ? "  password: " + DefaultSeed.PASSWORD : "")
                    .append("  (default visibility ").append(r.defaultVisibility()).append(")\n");
        }
        System.out.print(sb);
        System.out.flush();
    }
}
