package org.pidlink.core.types;

import java.util.Set;

/**
 * The work types ORCID's v3.0 API accepts ({@code org.orcid.jaxb.model.common.WorkType}); any other value is
 * rejected with error 9037.
 */
public final class OrcidWorkTypes {

    /** The type for everything no better type fits. */
    public static final String OTHER = "other";

    private static final Set<String> ALL = Set.of(
            "annotation", "artistic-performance", "blog-post", "book-chapter", "book-review", "book",
            "cartographic-material", "clinical-study", "conference-abstract", "conference-output",
            "conference-paper", "conference-poster", "conference-presentation", "conference-proceedings",
            "data-management-plan", "data-set", "design", "dictionary-entry", "disclosure", "dissertation-thesis",
            "edited-book", "encyclopedia-entry", "image", "invention", "journal-article", "journal-issue",
            "learning-object", "lecture-speech", "license", "magazine-article", "manual", "moving-image",
            "musical-composition", "newsletter-article", "newspaper-article", "online-resource", "other", "patent",
            "physical-object", "preprint", "public-speech", "registered-copyright", "report", "research-technique",
            "research-tool", "review", "software", "sound", "spin-off-company", "standards-and-policy",
            "supervised-student-publication", "technical-standard", "test", "trademark", "transcription",
            "translation", "website", "working-paper", "undefined");

    private OrcidWorkTypes() {
    }

    public static boolean isValid(String type) {
        return type != null && ALL.contains(type);
    }

    public static Set<String> all() {
        return ALL;
    }
}
