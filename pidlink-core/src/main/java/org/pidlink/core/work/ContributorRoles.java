package org.pidlink.core.work;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pidlink.core.metadata.Person;

/**
 * ORCID's contributor roles: the original list and the CRediT role URIs. Any other value is refused with
 * ORCID error 9058.
 */
public final class ContributorRoles {

    public static final String AUTHOR = "author";
    public static final String EDITOR = "editor";
    public static final String CHAIR_OR_TRANSLATOR = "chair-or-translator";
    public static final String PRINCIPAL_INVESTIGATOR = "principal-investigator";
    public static final String CO_INVESTIGATOR = "co-investigator";

    private static final String CREDIT_PREFIX = "http://credit.niso.org/contributor-roles/";
    private static final Set<String> LEGACY = Set.of("author", "assignee", "editor", "chair-or-translator",
            "co-investigator", "co-inventor", "graduate-student", "other-inventor", "principal-investigator",
            "postdoctoral-researcher", "support-staff");
    private static final Set<String> CREDIT_TERMS = Set.of("conceptualization", "data-curation",
            "formal-analysis", "funding-acquisition", "investigation", "methodology", "project-administration",
            "resources", "software", "supervision", "validation", "visualization", "writing-original-draft",
            "writing-review-editing");

    /**
     * Source roles (lower case, letters only) to ORCID roles: DataCite contributorTypes and Crossref
     * contributor_roles. Roles with no ORCID counterpart (ContactPerson, HostingInstitution, RightsHolder, …)
     * are absent: such contributors are not the work's authors and pidlink leaves them out.
     */
    private static final Map<String, String> SOURCE_ROLES = Map.ofEntries(
            Map.entry("author", AUTHOR),
            Map.entry("correspondingauthor", AUTHOR),
            Map.entry("creator", AUTHOR),
            // The reviewer of a Crossref peer-review record wrote that review.
            Map.entry("reviewer", AUTHOR),
            Map.entry("reviewerexternal", AUTHOR),
            Map.entry("reviewassistant", AUTHOR),
            Map.entry("statsreviewer", AUTHOR),
            Map.entry("editor", EDITOR),
            Map.entry("translator", CHAIR_OR_TRANSLATOR),
            Map.entry("chair", CHAIR_OR_TRANSLATOR),
            Map.entry("projectleader", PRINCIPAL_INVESTIGATOR),
            Map.entry("datacurator", CREDIT_PREFIX + "data-curation/"),
            Map.entry("datamanager", CREDIT_PREFIX + "data-curation/"),
            Map.entry("datacollector", CREDIT_PREFIX + "investigation/"),
            Map.entry("researcher", CREDIT_PREFIX + "investigation/"),
            Map.entry("supervisor", CREDIT_PREFIX + "supervision/"),
            Map.entry("projectmanager", CREDIT_PREFIX + "project-administration/"),
            Map.entry("workpackageleader", CREDIT_PREFIX + "project-administration/"));

    /** CRediT role URIs by their term's letters: "Writing – original draft" and "writing-original-draft" agree. */
    private static final Map<String, String> CREDIT_BY_LETTERS = creditByLetters();

    private ContributorRoles() {
    }

    /**
     * The ORCID role of a creator or contributor: the first of its source roles that ORCID can express (a CRediT
     * role where the source gives one), else {@code author} for a creator, else empty.
     */
    public static Optional<String> of(Person person, boolean creator) {
        for (String role : person.roles()) {
            Optional<String> credit = creditRole(role);
            if (credit.isPresent()) {
                return credit;
            }
            String mapped = role == null ? null : SOURCE_ROLES.get(Texts.letters(role));
            if (mapped != null) {
                return Optional.of(mapped);
            }
        }
        return creator ? Optional.of(AUTHOR) : Optional.empty();
    }

    public static boolean isValid(String role) {
        return role != null && (LEGACY.contains(role)
                || role.startsWith(CREDIT_PREFIX) && CREDIT_TERMS.contains(
                        role.substring(CREDIT_PREFIX.length(), role.length() - 1)) && role.endsWith("/"));
    }

    /** The CRediT role URI for a term ({@code data-curation}) or a URI in any spelling. */
    public static String credit(String term) {
        String uri = CREDIT_PREFIX + term + "/";
        if (!isValid(uri)) {
            throw new IllegalArgumentException("not a CRediT role: " + term);
        }
        return uri;
    }

    /**
     * Recognizes a CRediT role as sources write it: the URI (http or https, with or without the trailing slash)
     * or the name ("Writing – original draft", "Data curation").
     */
    public static Optional<String> creditRole(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text;
        int roles = s.toLowerCase(Locale.ROOT).indexOf("/contributor-roles/");
        if (roles >= 0) {
            s = s.substring(roles + "/contributor-roles/".length());
        }
        return Optional.ofNullable(CREDIT_BY_LETTERS.get(Texts.letters(s)));
    }

    private static Map<String, String> creditByLetters() {
        Map<String, String> byLetters = new java.util.HashMap<>();
        for (String term : CREDIT_TERMS) {
            byLetters.put(Texts.letters(term), CREDIT_PREFIX + term + "/");
        }
        // Spellings of the NISO role names that differ from the URI's term.
        byLetters.put("writingoriginaldraftpreparation", CREDIT_PREFIX + "writing-original-draft/");
        byLetters.put("writingreviewandediting", CREDIT_PREFIX + "writing-review-editing/");
        return Map.copyOf(byLetters);
    }
}
