package org.pidlink.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.pidlink.app.PidlinkApplication;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * pidlink-app's features are modules (the packages under {@code org.pidlink.app}): each uses only the others'
 * public API (the types in their base package), and no cycle runs between them. Spring Modulith checks both; this
 * test also checks that each table is read and written by the feature that owns it, and writes the module diagram
 * into docs/architecture.md.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(PidlinkApplication.class);

    /** Each table belongs to one feature; only that feature's SQL names it. */
    static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            Map.entry("researcher", "accounts"), Map.entry("orcid_permission", "accounts"),
            Map.entry("claim", "claims"), Map.entry("claim_work", "claims"),
            Map.entry("work_filters", "claims"), Map.entry("work_filter_defaults", "claims"),
            Map.entry("orcid_call", "push"), Map.entry("push_researcher", "push"), Map.entry("push_client", "push"),
            Map.entry("orcid_rate_bucket", "push"),
            Map.entry("intake_doi", "intake"), Map.entry("intake_task", "intake"), Map.entry("intake_work", "intake"),
            Map.entry("api_key", "intake"),
            Map.entry("harvest_checkpoint", "intake"), Map.entry("harvest_run", "intake"),
            Map.entry("intake_event", "intake"),
            Map.entry("permission_notification", "intake"),
            Map.entry("type_mapping", "admin"), Map.entry("search_doi", "searchlink"),
            Map.entry("orcid_webhook", "reconcile"), Map.entry("lookup_instance", "lookup"),
            Map.entry("affiliation", "affiliations"), Map.entry("affiliation_person", "affiliations"),
            Map.entry("registrant", "registrants"), Map.entry("registrant_prefix", "registrants"),
            Map.entry("registrant_doi", "registrants"), Map.entry("link_suggestion", "registrants"),
            Map.entry("registrant_delivery", "registrants"), Map.entry("registrant_delivery_attempt", "registrants"));

    private static final Pattern TABLE_USE = Pattern.compile("\\b(?:FROM|UPDATE|INTO|JOIN)\\s+([a-z_]+)\\b");

    @Test
    void featuresUseEachOthersApiOnlyAndFormNoCycle() {
        MODULES.verify();
    }

    @Test
    void onlyTheOwningFeatureQueriesATable() throws IOException {
        Path app = Path.of("src/main/java/org/pidlink/app");
        List<String> strays = new ArrayList<>();
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String feature = app.relativize(file).getName(0).toString();
                Matcher m = TABLE_USE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String owner = TABLE_OWNERS.get(m.group(1));
                    if (owner != null && !owner.equals(feature)) {
                        strays.add(app.relativize(file) + " uses " + owner + "'s table " + m.group(1));
                    }
                }
            }
        }
        assertThat(strays).as("SQL on another feature's table (use its API)").isEmpty();
    }

    @Test
    void theStandaloneAssembliesAreForBenchmarksAndTestsOnly() {
        MODULES.forEach(module -> {
            if (!module.getIdentifier().toString().equals("claims") && !module.getIdentifier().toString().equals("push")) {
                assertThat(module.getDirectDependencies(MODULES).stream()
                        .map(d -> d.getTargetType().getSimpleName())
                        .filter(name -> name.startsWith("Standalone")).toList())
                        .as(module.getIdentifier() + " builds a Standalone* assembly; features get beans")
                        .isEmpty();
            }
        });
    }

    /** Writes the dependency graph between features into docs/architecture.md (between its markers). */
    @Test
    void writesTheModuleDiagramIntoTheArchitectureDocument() throws IOException {
        Map<String, TreeSet<String>> edges = new TreeMap<>();
        for (ApplicationModule module : MODULES) {
            TreeSet<String> targets = new TreeSet<>();
            module.getDirectDependencies(MODULES).uniqueModules()
                    .map(m -> m.getIdentifier().toString())
                    .filter(name -> !name.equals(module.getIdentifier().toString()))
                    .forEach(targets::add);
            edges.put(module.getIdentifier().toString(), targets);
        }
        StringBuilder mermaid = new StringBuilder("```mermaid\nflowchart LR\n");
        edges.forEach((from, targets) -> {
            if (targets.isEmpty()) {
                mermaid.append("  ").append(from).append('\n');
            }
            targets.forEach(to -> mermaid.append("  ").append(from).append(" --> ").append(to).append('\n'));
        });
        mermaid.append("```\n");

        Path doc = Path.of("../docs/architecture.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        String start = "<!-- module-diagram:start (written by ModularityTest) -->\n";
        String end = "<!-- module-diagram:end -->";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertThat(from).as("docs/architecture.md has the module diagram's markers").isGreaterThanOrEqualTo(0);
        assertThat(to).isGreaterThan(from);
        String updated = text.substring(0, from + start.length()) + mermaid + text.substring(to);
        if (!updated.equals(text)) {
            Files.writeString(doc, updated, StandardCharsets.UTF_8);
        }
        assertThat(edges).containsKeys("claims", "push", "intake", "accounts");
        assertThat(edges.get("claims")).doesNotContain("push", "intake");
        assertThat(edges.get("push")).contains("claims").doesNotContain("intake");
    }
}
