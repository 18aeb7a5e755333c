package org.pidlink.app.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.pidlink.app.claims.RecordFacts;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.Person;
import org.pidlink.core.skip.SkipRules;
import org.pidlink.core.types.TypeMapping;
import org.pidlink.core.work.ContributorRoles;
import org.pidlink.core.work.InvalidWorkException;
import org.pidlink.core.work.OrcidWork;
import org.pidlink.core.work.WorkJsonWriter;
import org.pidlink.core.work.WorkMapper;

/**
 * Decides what one DOI record asks of ORCID: nothing (skipped, with the reason), or for each researcher named
 * by an ORCID iD the work to write. Pure and thread-safe: intake calls it on the request thread, before any
 * database work.
 */
final class RecordEvaluator {

    private final SkipRules skipRules;
    private final WorkMapper.Settings mapperSettings;
    private final Supplier<TypeMapping> types;
    private final boolean includeContributors;
    private final int maxIdsPerRecord;

    /**
     * @param types           the type mapping in force, asked once per record (administrators may replace it)
     * @param maxIdsPerRecord researchers of one record honoured at most (in metadata order); the others are
     *                        reported, not written
     */
    RecordEvaluator(SkipRules skipRules, Supplier<TypeMapping> types, WorkMapper.Settings mapperSettings,
                    boolean includeContributors, int maxIdsPerRecord) {
        this.skipRules = Objects.requireNonNull(skipRules, "skipRules");
        this.mapperSettings = Objects.requireNonNull(mapperSettings, "mapperSettings");
        this.types = Objects.requireNonNull(types, "types");
        this.includeContributors = includeContributors;
        if (maxIdsPerRecord < 1) {
            throw new IllegalArgumentException("maxIdsPerRecord must be at least 1, got " + maxIdsPerRecord);
        }
        this.maxIdsPerRecord = maxIdsPerRecord;
    }

    static RecordEvaluator standard(boolean includeContributors) {
        return standard(TypeMapping::defaults, includeContributors, IntakeProperties.DEFAULT_MAX_IDS_PER_RECORD);
    }

    static RecordEvaluator standard(Supplier<TypeMapping> types, boolean includeContributors, int maxIdsPerRecord) {
        return new RecordEvaluator(SkipRules.defaults(), types, WorkMapper.Settings.defaults(), includeContributors,
                maxIdsPerRecord);
    }

    Evaluation evaluate(DoiRecord record) {
        Objects.requireNonNull(record, "record");
        Set<OrcidId> named = orcids(record);
        List<OrcidId> honoured = named.stream().limit(maxIdsPerRecord).toList();
        List<String> found = honoured.stream().map(OrcidId::value).toList();
        List<String> beyond = named.stream().skip(maxIdsPerRecord).map(OrcidId::value).toList();
        // A registered DOI, or a version or part, is each researcher's filters' to hold back (they may send it);
        // only what no researcher may have on her record is skipped here.
        Optional<String> skip = skipRules.alwaysSkipReason(record);
        if (skip.isPresent()) {
            return new Evaluation(record, found, beyond, skip.get(), null, Map.of(), hash("skipped\n" + skip.get()),
                    RecordFacts.UNKNOWN);
        }
        RecordFacts facts = RecordFacts.of(skipRules.findable(record), skipRules.versionOf(record).orElse(null));
        if (honoured.isEmpty()) {
            return new Evaluation(record, found, beyond, null, null, Map.of(), hash("no-orcid"), facts);
        }
        Map<OrcidId, WorkPayload> works = new LinkedHashMap<>();
        WorkMapper mapper = new WorkMapper(types.get(), mapperSettings);
        try {
            // One work for every researcher of the record, mapped and stored once, that lists each of them (also
            // beyond the contributor cap): a record of 10,000 authors is one work, not 10,000 distinct ones.
            WorkPayload shared = payload(mapper.map(record, Set.copyOf(honoured)));
            for (OrcidId orcid : honoured) {
                works.put(orcid, shared);
            }
        } catch (InvalidWorkException e) {
            return new Evaluation(record, found, beyond, null,
                    "the DOI cannot become an ORCID work: " + e.getMessage(), Map.of(), null, facts);
        }
        Map<String, String> sorted = new TreeMap<>();
        works.forEach((orcid, payload) -> sorted.put(orcid.value(), payload.canonicalHash()));
        StringBuilder content = new StringBuilder("works\n");
        content.append("state=").append(facts.doiState()).append('\n');
        if (facts.versionOf() != null) {
            content.append("version-of=").append(facts.versionOf()).append('\n');
        }
        sorted.forEach((orcid, workHash) -> content.append(orcid).append('=').append(workHash).append('\n'));
        return new Evaluation(record, found, beyond, null, null, works, hash(content.toString()), facts);
    }

    /**
     * The evaluation's one work when it is also the work of the DOI addressed to nobody ({@code WorkMapper.map(record)},
     * what the Search &amp; Link index shows), so that the record need not be mapped a second time; null when it may
     * differ. Listing the record's researchers changes the work only when one of them is a contributor whose role
     * ORCID has no term for (listed for her sake only), or when the author list is longer than the mapper keeps.
     */
    WorkPayload sharedWork(Evaluation e) {
        if (e.works().isEmpty() || !mapperSettings.equals(WorkMapper.Settings.defaults())
                || e.record().creators().size() + e.record().contributors().size() > mapperSettings.maxContributors()) {
            return null;
        }
        Set<String> honoured = Set.copyOf(e.orcids());
        for (Person contributor : e.record().contributors()) {
            if (contributor.orcid() != null && honoured.contains(contributor.orcid().value())
                    && ContributorRoles.of(contributor, false).isEmpty()) {
                return null;
            }
        }
        return e.works().values().iterator().next();
    }

    /** The iDs of creators (and contributors, when configured) in metadata order, each once, before the ceiling. */
    Set<OrcidId> orcids(DoiRecord record) {
        Set<OrcidId> orcids = new LinkedHashSet<>();
        add(orcids, record.creators());
        if (includeContributors) {
            add(orcids, record.contributors());
        }
        return orcids;
    }

    private static void add(Set<OrcidId> orcids, List<Person> people) {
        for (Person person : people) {
            if (person.orcid() != null) {
                orcids.add(person.orcid());
            }
        }
    }

    private static WorkPayload payload(OrcidWork work) {
        if (work.putCode() == null) {
            // The JSON written is then the canonical form itself: serialized once (a large collaboration's work is
            // megabytes).
            OrcidWork.Canonical canonical = work.canonical();
            return new WorkPayload(canonical.json(), canonical.hash());
        }
        return new WorkPayload(WorkJsonWriter.toJson(work), work.canonicalHash());
    }

    static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * What a record asks for.
     *
     * @param record      the record
     * @param orcids      the iDs it names (creators, and contributors when configured) that are honoured, in
     *                    metadata order
     * @param beyondCeiling the iDs it names beyond the ceiling per record: not written, reported
     * @param skipReason  why nothing is written (the DOI is not findable, a version, not a work), or null
     * @param rejection   why the record cannot be used at all, or null
     * @param works       the work per researcher, in metadata order; empty when skipped or no iD is named
     * @param contentHash what matters of the record for ORCID, hashed: equal hashes ask for the same writes
     * @param facts       what the researchers' filters read of the record (its state, whether it is a version)
     */
    record Evaluation(DoiRecord record, List<String> orcids, List<String> beyondCeiling, String skipReason,
                      String rejection, Map<OrcidId, WorkPayload> works, String contentHash, RecordFacts facts) {

        Evaluation {
            orcids = List.copyOf(orcids);
            beyondCeiling = List.copyOf(beyondCeiling);
        }
    }
}
