package org.pidlink.app.affiliations;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One permission link per person: 256 random bits in the URL, only their SHA-256 stored, valid for
 * {@code link-validity}, revocable, replaced when a new one is made (so one link per person works at a time). Opening
 * it (signed in) binds the person to the iD she signed in with, unless the institution named another iD.
 */
final class PermissionLinks {

    static final String PATH = "/affiliations/invitation/";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration validity;
    private final SecureRandom random = new SecureRandom();
    private volatile URI baseUrl;

    PermissionLinks(DataSource dataSource, Clock clock, Duration validity, URI baseUrl) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.validity = validity;
        this.baseUrl = baseUrl;
    }

    /** Where pidlink runs, when not configured: known once its web server listens. */
    void serverStarted(URI listening) {
        if (baseUrl == null) {
            baseUrl = listening;
        }
    }

    /** A person and her link, as the administrators' page shows them. */
    record PersonView(long id, String name, String email, OrcidId orcid, String localPersonId, int items,
                      int waiting, Instant linkCreatedAt, Instant linkExpiresAt, Instant linkRevokedAt,
                      Instant linkSentAt, String linkSentBy, Instant linkOpenedAt, String notificationError) {

        public String linkState(Instant now) {
            if (linkCreatedAt == null) {
                return "no link yet";
            }
            if (linkRevokedAt != null) {
                return "revoked";
            }
            if (linkExpiresAt.isBefore(now)) {
                return "expired";
            }
            return linkOpenedAt != null ? "opened" : linkSentAt != null ? "sent (" + linkSentBy + ")" : "made";
        }

        public boolean hasActiveLink(Instant now) {
            return linkCreatedAt != null && linkRevokedAt == null && linkExpiresAt.isAfter(now);
        }
    }

    /** A link just made: {@link #url()} is its only appearance. */
    record IssuedLink(PersonView person, URI url, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedLink[person=" + person.id() + ", url=[redacted]]";
        }
    }

    List<PersonView> people() {
        return jdbc.sql("""
                SELECT p.*, (SELECT count(*) FROM affiliation a WHERE a.person_id = p.id) AS items,
                       (SELECT count(*) FROM affiliation a WHERE a.person_id = p.id AND a.wanted
                           AND a.decision = 'PENDING' AND a.state = 'NONE') AS waiting
                FROM affiliation_person p ORDER BY p.name, p.email, p.id""").query(PermissionLinks::person).list();
    }

    Optional<PersonView> person(long id) {
        return people().stream().filter(p -> p.id() == id).findFirst();
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * New links for these people (replacing any they had), marked as sent by {@code how} ({@code csv},
     * {@code orcid-inbox}).
     */
    List<IssuedLink> issue(List<PersonView> people, String how) {
        if (baseUrl == null) {
            throw new IllegalStateException("pidlink does not know its address yet; set pidlink.affiliations.base-url");
        }
        Instant now = clock.instant();
        List<IssuedLink> issued = new ArrayList<>();
        for (PersonView person : people) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            jdbc.sql("""
                            UPDATE affiliation_person SET link_hash = :hash, link_created_at = :now, link_expires_at = :until,
                                link_revoked_at = NULL, link_opened_at = NULL, link_sent_at = :now, link_sent_by = :how,
                                updated_at = :now
                            WHERE id = :id""")
                    .param("hash", hash(token)).param("now", AffiliationStore.ts(now))
                    .param("until", AffiliationStore.ts(now.plus(validity))).param("how", how)
                    .param("id", person.id()).update();
            issued.add(new IssuedLink(person, url(token), now.plus(validity)));
        }
        return issued;
    }

    boolean revoke(long personId) {
        return jdbc.sql("""
                        UPDATE affiliation_person SET link_revoked_at = :now, updated_at = :now
                        WHERE id = :id AND link_hash IS NOT NULL AND link_revoked_at IS NULL""")
                .param("now", AffiliationStore.ts(clock.instant())).param("id", personId).update() == 1;
    }

    /** Records a notification that could not be sent (or clears the error). */
    void notificationError(long personId, String error) {
        jdbc.sql("UPDATE affiliation_person SET notification_error = :error WHERE id = :id")
                .param("error", error).param("id", personId).update();
    }

    /** What opening a link found. */
    sealed interface Opened {
        record Valid(long personId, String personName) implements Opened {
        }

        record Refused(String title, String detail) implements Opened {
        }
    }

    /** The signed-in researcher opens a link: the person it names, bound to her iD; or why not. */
    Opened open(String token, OrcidId signedIn) {
        if (token == null || token.length() > 100) {
            return unknown();
        }
        Instant now = clock.instant();
        Optional<Link> link = jdbc.sql("""
                        SELECT id, name, orcid, link_expires_at, link_revoked_at FROM affiliation_person
                        WHERE link_hash = :hash""")
                .param("hash", hash(token)).query((rs, n) -> new Link(rs.getLong("id"), rs.getString("name"),
                        rs.getString("orcid"), AffiliationStore.instant(rs, "link_expires_at"),
                        AffiliationStore.instant(rs, "link_revoked_at"))).optional();
        if (link.isEmpty()) {
            return unknown();
        }
        Link l = link.get();
        if (l.revokedAt() != null) {
            return new Opened.Refused("This link was withdrawn", "Your institution withdrew this link. Ask it "
                    + "for a new one if you still want to add the affiliations.");
        }
        if (l.expiresAt().isBefore(now)) {
            return new Opened.Refused("This link has expired", "The link was valid until " + l.expiresAt()
                    + ". Ask your institution for a new one.");
        }
        if (l.orcid() != null && !l.orcid().equals(signedIn.value())) {
            return new Opened.Refused("This link is for another ORCID iD", "Your institution made this link for "
                    + "the ORCID record " + l.orcid() + ", and you signed in as " + signedIn.value() + ". Nothing "
                    + "was changed. Sign out and sign in with that iD, or ask your institution to correct it.");
        }
        jdbc.sql("""
                        UPDATE affiliation_person SET orcid = :orcid, link_opened_at = coalesce(link_opened_at, :now),
                            updated_at = :now WHERE id = :id""")
                .param("orcid", signedIn.value()).param("now", AffiliationStore.ts(now)).param("id", l.id()).update();
        return new Opened.Valid(l.id(), l.name());
    }

    private static Opened unknown() {
        return new Opened.Refused("This link is not valid", "pidlink knows no such link: it may have been "
                + "replaced by a newer one. Ask your institution for the current link.");
    }

    private record Link(long id, String name, String orcid, Instant expiresAt, Instant revokedAt) {
    }

    private URI url(String token) {
        String s = baseUrl.toString();
        return URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + PATH + token);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static PersonView person(ResultSet rs, int n) throws SQLException {
        String orcid = rs.getString("orcid");
        return new PersonView(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                orcid == null ? null : new OrcidId(orcid), rs.getString("local_person_id"), rs.getInt("items"),
                rs.getInt("waiting"), AffiliationStore.instant(rs, "link_created_at"),
                AffiliationStore.instant(rs, "link_expires_at"), AffiliationStore.instant(rs, "link_revoked_at"),
                AffiliationStore.instant(rs, "link_sent_at"), rs.getString("link_sent_by"),
                AffiliationStore.instant(rs, "link_opened_at"), rs.getString("notification_error"));
    }
}
