package org.pidlink.emulator.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A researcher's ORCID record: identity, sign-in credentials, state, default visibility, works and affiliations.
 * Works and affiliations are guarded by this object's monitor (use {@link EmulatorState}'s change methods, which
 * lock it);
 * the other fields are volatile and replaced whole.
 */
public final class Researcher {

    private final String orcid;
    private volatile String givenNames;
    private volatile String familyName;
    private volatile String creditName;
    private volatile String email;
    private volatile String passwordHash;
    private volatile RecordState state = RecordState.ACTIVE;
    private volatile String primaryOrcid;
    private volatile Visibility defaultVisibility;
    private volatile Instant lastModified;
    private final RecordWorks works = new RecordWorks();
    private final RecordAffiliations affiliations = new RecordAffiliations();

    Researcher(String orcid, String givenNames, String familyName, String creditName, String email,
               String passwordHash, Visibility defaultVisibility, Instant created) {
        this.orcid = orcid;
        this.givenNames = givenNames;
        this.familyName = familyName;
        this.creditName = creditName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.defaultVisibility = defaultVisibility;
        this.lastModified = created;
    }

    public String orcid() {
        return orcid;
    }

    public String givenNames() {
        return givenNames;
    }

    public String familyName() {
        return familyName;
    }

    /** The published name, or null. */
    public String creditName() {
        return creditName;
    }

    /** "Given Family": the {@code name} of token responses. */
    public String displayName() {
        if (creditName != null && !creditName.isBlank()) {
            return creditName;
        }
        return familyName == null || familyName.isBlank() ? givenNames : givenNames + " " + familyName;
    }

    public String email() {
        return email;
    }

    public boolean passwordMatches(String password) {
        return password != null && passwordHash != null && Hashing.sha256(orcid + ":" + password).equals(passwordHash);
    }

    String passwordHash() {
        return passwordHash;
    }

    public RecordState state() {
        return state;
    }

    /** For a deprecated record: the record it was merged into. */
    public String primaryOrcid() {
        return primaryOrcid;
    }

    public Visibility defaultVisibility() {
        return defaultVisibility;
    }

    public Instant lastModified() {
        return lastModified;
    }

    /** A copy of the works in creation order. */
    public synchronized List<StoredWork> works() {
        return new ArrayList<>(works.values());
    }

    public synchronized StoredWork work(long putCode) {
        return works.get(putCode);
    }

    public synchronized int workCount() {
        return works.size();
    }

    /** A copy of the affiliations (all kinds) in creation order. */
    public synchronized List<StoredAffiliation> affiliations() {
        return affiliations.values();
    }

    public synchronized StoredAffiliation affiliation(long putCode) {
        return affiliations.get(putCode);
    }

    public synchronized int affiliationCount() {
        return affiliations.size();
    }

    // Mutators are package-private: only EmulatorState changes records, so it can notify listeners.

    synchronized RecordWorks worksForUpdate() {
        return works;
    }

    synchronized RecordAffiliations affiliationsForUpdate() {
        return affiliations;
    }

    void touch(Instant at) {
        lastModified = at;
    }

    void state(RecordState newState, String primary) {
        this.state = newState;
        this.primaryOrcid = primary;
    }

    void defaultVisibility(Visibility v) {
        this.defaultVisibility = v;
    }

    void names(String given, String family, String credit) {
        this.givenNames = given;
        this.familyName = family;
        this.creditName = credit;
    }

    void email(String email) {
        this.email = email;
    }

    void passwordHash(String hash) {
        this.passwordHash = hash;
    }
}
