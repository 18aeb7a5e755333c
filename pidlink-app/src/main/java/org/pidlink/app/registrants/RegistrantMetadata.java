package org.pidlink.app.registrants;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.background.BackgroundWorker;
import org.pidlink.app.intake.RecordsStored;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.Person;
import org.pidlink.core.metadata.RejectedIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps who the latest metadata of each registrant DOI names, as intake receives it (in intake's transaction), and
 * acts on it: a suggestion whose iD the metadata now carries is "added to metadata"; an iD failing its checksum
 * becomes a suggestion of its own. Records of DOIs under no registrant's prefix cost one query per submission.
 */
final class RegistrantMetadata implements RecordsStored {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<MetadataPerson>> PEOPLE = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final Suggestions suggestions;
    private final Clock clock;
    private final BackgroundWorker scanner;

    RegistrantMetadata(JdbcClient jdbc, Suggestions suggestions, Clock clock, BackgroundWorker scanner) {
        this.jdbc = jdbc;
        this.suggestions = suggestions;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scanner = scanner;
    }

    /** The people a DOI's latest metadata names, and its valid iDs. */
    record DoiPeople(String doi, long registrantId, List<MetadataPerson> people, Set<String> orcids) {
    }

    @Override
    public void stored(List<DoiRecord> usable, List<Doi> gone) {
        if (usable.isEmpty()) {
            return;
        }
        Map<String, Long> registrants = registrantsOf(usable.stream().map(r -> prefix(r.doi().value())).toList());
        if (registrants.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        boolean any = false;
        for (DoiRecord record : usable) {
            Long registrant = registrants.get(prefix(record.doi().value()));
            if (registrant == null) {
                continue;
            }
            any = true;
            List<MetadataPerson> people = people(record);
            Set<String> orcids = new LinkedHashSet<>();
            people.stream().map(MetadataPerson::orcid).filter(Objects::nonNull).forEach(orcids::add);
            jdbc.sql("""
                            INSERT INTO registrant_doi (doi, registrant_id, people, orcids, received_at)
                            VALUES (:doi, :registrant, :people::jsonb, :orcids, :at)
                            ON CONFLICT (doi) DO UPDATE SET registrant_id = excluded.registrant_id,
                                people = excluded.people, orcids = excluded.orcids, received_at = excluded.received_at,
                                states_checked_at = CASE WHEN registrant_doi.orcids = excluded.orcids
                                    THEN registrant_doi.states_checked_at END""")
                    .param("doi", record.doi().value()).param("registrant", registrant)
                    .param("people", JSON.writeValueAsString(people)).param("orcids", orcids.toArray(String[]::new))
                    .param("at", now).update();
            suggestions.metadataCarries(registrant, record.doi().value(), orcids);
            for (RejectedIdentifier rejected : record.rejectedIdentifiers()) {
                if (OrcidId.BAD_CHECKSUM.equals(rejected.reason())) {
                    suggestions.brokenIdInMetadata(registrant, record.doi().value(), rejected.value().strip(),
                            SuggestionReason.INVALID_CHECKSUM, personNamed(people, rejected.person()));
                }
            }
        }
        if (any) {
            // The claims on these DOIs are looked at again, and new iDs' record states checked.
            scanner.wakeAfterCommit();
        }
    }

    Optional<DoiPeople> find(String doi) {
        return jdbc.sql("SELECT doi, registrant_id, people::text, orcids FROM registrant_doi WHERE doi = :doi")
                .param("doi", doi).query((rs, n) -> new DoiPeople(rs.getString(1), rs.getLong(2),
                        JSON.readValue(rs.getString(3), PEOPLE),
                        new LinkedHashSet<>(List.of((String[]) rs.getArray(4).getArray()))))
                .optional();
    }

    /** Registrant DOIs whose iDs' ORCID record states were not checked since their metadata arrived. */
    List<DoiPeople> uncheckedStates(int limit) {
        return jdbc.sql("""
                        SELECT doi, registrant_id, people::text, orcids FROM registrant_doi
                        WHERE states_checked_at IS NULL ORDER BY received_at LIMIT :limit""")
                .param("limit", limit).query((rs, n) -> new DoiPeople(rs.getString(1), rs.getLong(2),
                        JSON.readValue(rs.getString(3), PEOPLE),
                        new LinkedHashSet<>(List.of((String[]) rs.getArray(4).getArray()))))
                .list();
    }

    void statesChecked(String doi) {
        jdbc.sql("UPDATE registrant_doi SET states_checked_at = :at WHERE doi = :doi")
                .param("at", Timestamp.from(clock.instant())).param("doi", doi).update();
    }

    private Map<String, Long> registrantsOf(List<String> prefixes) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("SELECT prefix, registrant_id FROM registrant_prefix WHERE prefix = ANY(:prefixes)")
                .param("prefixes", prefixes.stream().distinct().toArray(String[]::new))
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    private static List<MetadataPerson> people(DoiRecord record) {
        List<MetadataPerson> people = new ArrayList<>();
        for (Person p : record.creators()) {
            people.add(new MetadataPerson(Objects.toString(p.name(), ""), "creator", p.position(), p.orcid() == null ? null : p.orcid().value()));
        }
        for (Person p : record.contributors()) {
            people.add(new MetadataPerson(Objects.toString(p.name(), ""), "contributor", p.position(),
                    p.orcid() == null ? null : p.orcid().value()));
        }
        return people;
    }

    private static @Nullable MetadataPerson personNamed(List<MetadataPerson> people, @Nullable String name) {
        if (name == null) {
            return null;
        }
        return people.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElse(new MetadataPerson(name, "creator", 0, null));
    }

    static String prefix(String doi) {
        int slash = doi.indexOf('/');
        return slash < 0 ? doi : doi.substring(0, slash);
    }
}
