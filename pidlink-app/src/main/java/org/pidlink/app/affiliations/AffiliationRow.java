package org.pidlink.app.affiliations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.orcid.client.Affiliation;

/**
 * A valid row of an affiliation file: who (at least an iD or an e-mail), the institution's key for the row, and the
 * affiliation as ORCID will get it.
 *
 * @param fields the row's values by column header, normalized (what is stored and shown)
 */
record AffiliationRow(int line, Person person, String localKey, Affiliation affiliation, Map<String, String> fields) {

    /** The person a row names; {@link #key()} says which rows belong to one person and one permission link. */
    record Person(OrcidId orcid, String email, String name, String localPersonId) {

        /** The institution's person id, else the e-mail address (lower case), else the iD. */
        String key() {
            if (localPersonId != null) {
                return "id:" + localPersonId;
            }
            return email != null ? "email:" + email.toLowerCase(java.util.Locale.ROOT) : "orcid:" + orcid.value();
        }
    }

    AffiliationRow {
        fields = Map.copyOf(fields);
    }

    /** SHA-256 of what goes to ORCID (the person's columns excluded): equal hashes mean nothing to write. */
    String contentHash() {
        Map<String, String> sorted = new TreeMap<>(fields);
        for (Column c : new Column[] {Column.ORCID, Column.EMAIL, Column.NAME, Column.PERSON_ID}) {
            sorted.remove(c.header());
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sorted.forEach((k, v) -> {
                sha.update(k.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(v.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
