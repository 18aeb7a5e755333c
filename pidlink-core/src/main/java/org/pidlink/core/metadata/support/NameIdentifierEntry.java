package org.pidlink.core.metadata.support;

/**
 * A name identifier as found on a creator or contributor, before pidlink decides whether it is an ORCID iD.
 *
 * @param scheme    DataCite's nameIdentifierScheme ({@code ORCID}, {@code ISNI}, ...) or null
 * @param schemeUri DataCite's schemeURI / schemeUri, or null
 * @param value     the value exactly as found; null when the source has the scheme but no value
 */
public record NameIdentifierEntry(String scheme, String schemeUri, String value) {

    /** An ORCID iD from a source that marks it unambiguously (Crossref {@code <ORCID>}, REST {@code ORCID}). */
    public static NameIdentifierEntry orcid(String value) {
        return new NameIdentifierEntry("ORCID", null, value);
    }

    /**
     * The normalization rule of doi-metadata.md §1: an entry is an ORCID iD when its scheme, trimmed and
     * case-insensitive, is {@code ORCID}, or when the scheme or schemeURI names {@code orcid.org}. An entry with
     * no scheme at all whose value is an orcid.org URL is one too: the URL says what it is.
     */
    public boolean isOrcid() {
        String s = Texts.trim(scheme);
        if (s != null && (s.equalsIgnoreCase("ORCID") || containsOrcidOrg(s))) {
            return true;
        }
        if (containsOrcidOrg(schemeUri)) {
            return true;
        }
        return s == null && containsOrcidOrg(value);
    }

    private static boolean containsOrcidOrg(String s) {
        return s != null && s.toLowerCase(java.util.Locale.ROOT).contains("orcid.org");
    }
}
