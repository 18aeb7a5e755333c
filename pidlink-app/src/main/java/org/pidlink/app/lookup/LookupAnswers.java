package org.pidlink.app.lookup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.accounts.Researcher;
import org.pidlink.app.accounts.Researchers;
import org.pidlink.app.claims.ClaimLink;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.lookup.LookupController.Cursor;
import org.pidlink.app.lookup.LookupController.DoiLinks;
import org.pidlink.app.lookup.LookupController.OrcidLinks;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.DigestUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lookup's answers as the JSON sent, with their ETag. Anonymous answers are the same for everyone, so what they
 * are made of is kept for {@link LookupProperties#cacheTtl()}: a researcher's answer serialized, a DOI's links
 * ({@link KeptDoiLinks}; its JSON is made each time: there are many DOIs, each asked for rarely). What is kept is
 * used only while neither claims nor researchers changed on this instance since it was made
 * ({@link Claims#changes()}, {@link Researchers#changes()}), nor on another instance on the same database
 * ({@link OtherInstances}), so a change here shows in the next answer and a change elsewhere within about half a
 * second; one made in the database by other means once it expired.
 * An administrator's answers (they show private researchers) are neither kept nor tagged. Who shows in public
 * lookups is kept in memory the same way ({@link ShownResearchers}), so an anonymous answer that is not kept costs
 * one query, and a DOI's a share of one: the DOIs asked for at the same moment are read together ({@link LookupReads}).
 */
final class LookupAnswers implements AutoCloseable {

    /** The JSON and its ETag (null for an administrator's answer, which must not be stored). */
    record Answer(byte[] json, @Nullable String etag) {
    }

    /** What was asked: a DOI or an iD (with the page), and whether every link or only those on ORCID. */
    private record Key(boolean byDoi, String id, boolean all, int limit, @Nullable Cursor after) {
    }

    /** An answer and the changes count it was made at. */
    private record Kept(Answer answer, long changes) {
    }

    /** More researchers showing in public lookups than this are not kept in memory (about 200 bytes each). */
    static final int SHOWN_RESEARCHERS_KEPT_AT_MOST = 100_000;

    private final Claims claims;
    private final Researchers researchers;
    private final JsonMapper json;
    private final @Nullable ShownResearchers shown;
    private final @Nullable Cache<Key, Kept> kept;
    private final LookupReads reads;
    private final @Nullable OtherInstances otherInstances;
    private final @Nullable KeptDoiLinks keptLinks;

    /**
     * @param jdbc where the instances on the database tell each other of their changes ({@link OtherInstances});
     *             null only when nothing is kept ({@code pidlink.lookup.cache.ttl} 0)
     */
    LookupAnswers(Claims claims, Researchers researchers, JsonMapper json, LookupProperties properties, Clock clock,
                  @Nullable JdbcClient jdbc) {
        this.claims = claims;
        this.researchers = researchers;
        this.json = json;
        this.reads = new LookupReads(properties.queries(), properties.doiReaders(), claims::linksOfDois);
        if (properties.cacheTtl().isZero()) {
            this.otherInstances = null;
            this.shown = null;
            this.keptLinks = null;
        } else {
            if (jdbc == null) {
                throw new IllegalArgumentException("answers kept in memory need the database their instances share");
            }
            OtherInstances others = new OtherInstances(jdbc, clock, () -> claims.changes() + researchers.changes(),
                    OtherInstances.INTERVAL);
            this.otherInstances = others;
            this.shown = new ShownResearchers(researchers, () -> researchers.changes() + others.changes(), clock,
                    properties.cacheTtl(), SHOWN_RESEARCHERS_KEPT_AT_MOST);
            this.keptLinks = new KeptDoiLinks(properties.cacheTtl(), properties.cacheBytes());
        }
        this.kept = properties.cacheTtl().isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumWeight(properties.cacheBytes())
                .<Key, Kept>weigher((key, answer) -> answer.answer().json().length + 2 * key.id().length() + 64)
                .build();
    }

    /** The links to {@code doi} (only those on ORCID unless {@code all}), researchers as {@code admin} may see them. */
    Answer doi(Doi doi, boolean all, boolean admin) {
        if (admin || keptLinks == null) {
            return answer(new Key(true, doi.value(), all, 0, null), admin,
                    () -> Optional.of(doiLinks(doi, all, admin, reads.linksOfDoi(doi)))).orElseThrow();
        }
        // The DOI's links are kept, not its JSON (KeptDoiLinks): the answer is made from them each time.
        return tagged(doiLinks(doi, all, false, keptLinks.links(doi, changes(), reads::linksOfDoi)));
    }

    /**
     * A page of {@code orcid}'s links; empty when she does not show in public lookups (or is unknown) and the caller
     * is not an administrator.
     */
    Optional<Answer> orcid(OrcidId orcid, boolean all, int limit, Optional<Cursor> after, boolean admin) {
        return answer(new Key(false, orcid.value(), all, limit, after.orElse(null)), admin,
                () -> reads.inTurn(() -> orcidLinks(orcid, all, limit, after.orElse(Cursor.FIRST), admin)));
    }

    private Optional<Answer> answer(Key key, boolean admin, Supplier<Optional<Object>> body) {
        if (admin) {
            return body.get().map(b -> new Answer(json.writeValueAsBytes(b), null));
        }
        if (kept == null) {
            return body.get().map(this::tagged);
        }
        // Read before the data: a change committed meanwhile moves it on, so what is kept is never newer-looking.
        long changes = changes();
        Kept hit = kept.getIfPresent(key);
        if (hit != null && hit.changes() == changes) {
            return Optional.of(hit.answer());
        }
        Optional<Answer> made = body.get().map(this::tagged);
        made.ifPresentOrElse(a -> kept.put(key, new Kept(a, changes)), () -> kept.invalidate(key));
        return made;
    }

    /** Moves whenever claims or researchers changed, on this instance or another; only when answers are kept. */
    private long changes() {
        return claims.changes() + researchers.changes() + Objects.requireNonNull(otherInstances).changes();
    }

    /** How many answers wait for their turn to be read (an estimate). */
    int waitingForATurn() {
        return reads.waitingForATurn();
    }

    @Override
    public void close() {
        reads.close();
        if (otherInstances != null) {
            otherInstances.close();
        }
    }

    private Answer tagged(Object body) {
        byte[] bytes = json.writeValueAsBytes(body);
        return new Answer(bytes, etag(bytes));
    }

    /** The answer for {@code doi} from its links of every status. */
    private DoiLinks doiLinks(Doi doi, boolean all, boolean admin, List<ClaimLink> everyStatus) {
        List<ClaimLink> claimed = all ? everyStatus : everyStatus.stream().filter(c -> c.status().inOrcid()).toList();
        Map<OrcidId, Researcher> accounts = (admin ? Optional.<Map<OrcidId, Researcher>>empty() : shownResearchers())
                .orElseGet(() -> reads.inTurn(() -> researchers.findAll(claimed.stream()
                        .map(c -> new OrcidId(c.orcid())).distinct().toList())));
        List<Link> links = new ArrayList<>(claimed.size());
        for (ClaimLink c : claimed) {
            Researcher account = accounts.get(new OrcidId(c.orcid()));
            if (admin || (account != null && account.publicProfile())) {
                links.add(Link.of(c, account == null ? null : account.name()));
            }
        }
        return new DoiLinks(doi.value(), doi.url(), links);
    }

    private Optional<Object> orcidLinks(OrcidId orcid, boolean all, int limit, Cursor from, boolean admin) {
        Optional<Researcher> account = admin ? researchers.find(orcid) : shownResearchers()
                .map(shownNow -> Optional.ofNullable(shownNow.get(orcid))).orElseGet(() -> researchers.find(orcid));
        if (!admin && account.filter(Researcher::publicProfile).isEmpty()) {
            return Optional.empty();
        }
        String name = account.map(Researcher::name).orElse(null);
        // One more than asked: whether there is a next page, without counting her links.
        List<ClaimLink> page = claims.linksOfResearcher(orcid, !all, from.doi(), from.registration(), limit + 1);
        List<Link> links = page.stream().limit(limit).map(c -> Link.of(c, name)).toList();
        String next = null;
        if (page.size() > limit) {
            ClaimLink last = page.get(limit - 1);
            next = "/api/v1/lookup/orcids/" + orcid.value() + "?limit=" + limit + (all ? "&all=true" : "")
                    + "&after=" + new Cursor(last.doi(), last.registrationId()).value();
        }
        return Optional.of(new OrcidLinks(orcid.value(), orcid.uri(), name, links, next));
    }

    /** Who shows in public lookups, when kept in memory (an anonymous answer needs no more). */
    private Optional<Map<OrcidId, Researcher>> shownResearchers() {
        return shown == null ? Optional.empty() : shown.now();
    }

    /** A strong ETag of the body, as Spring's ShallowEtagHeaderFilter makes them. */
    private static String etag(byte[] body) {
        StringBuilder tag = new StringBuilder(37).append("\"0");
        DigestUtils.appendMd5DigestAsHex(body, tag);
        return tag.append('"').toString();
    }
}
