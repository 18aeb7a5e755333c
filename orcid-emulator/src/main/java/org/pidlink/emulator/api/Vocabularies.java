package org.pidlink.emulator.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** ORCID's controlled vocabularies for works (orcid-api.md §5.1, §5.4; common-3.0.xsd). */
final class Vocabularies {

    /** v3.0 work types, in ORCID's enum order. */
    static final List<String> WORK_TYPES = List.of("annotation", "artistic-performance", "blog-post",
            "book-chapter", "book-review", "book", "cartographic-material", "clinical-study", "conference-abstract",
            "conference-output", "conference-paper", "conference-poster", "conference-presentation",
            "conference-proceedings", "data-management-plan", "data-set", "design", "dictionary-entry", "disclosure",
            "dissertation-thesis", "edited-book", "encyclopedia-entry", "image", "invention", "journal-article",
            "journal-issue", "learning-object", "lecture-speech", "license", "magazine-article", "manual",
            "moving-image", "musical-composition", "newsletter-article", "newspaper-article", "online-resource",
            "other", "patent", "physical-object", "preprint", "public-speech", "registered-copyright", "report",
            "research-technique", "research-tool", "review", "software", "sound", "spin-off-company",
            "standards-and-policy", "supervised-student-publication", "technical-standard", "test", "trademark",
            "transcription", "translation", "website", "working-paper", "undefined");

    /** Input spellings ORCID maps onto v3.0 types ({@code WorkType.fromValue}). */
    static final Map<String, String> WORK_TYPE_ALIASES = Map.of("article-journal", "journal-article",
            "chapter", "book-chapter", "dataset", "data-set", "standard", "standards-and-policy");

    static final Set<String> LANGUAGE_CODES = new LinkedHashSet<>(Arrays.asList((
            "ab, aa, af, ak, sq, am, ar, an, hy, as, av, ae, ay, az, bm, ba, eu, be, bn, bh, bi, bs, br, bg, my, ca, "
            + "ch, ce, zh_CN, zh_TW, cu, cv, kw, co, cr, hr, cs, da, dv, nl, dz, en, eo, et, ee, fo, fj, fi, fr, fy, "
            + "ff, gl, lg, ka, de, el, kl, gn, gu, ht, ha, iw, hz, hi, ho, hu, is, io, ig, in, ia, ie, iu, ik, ga, it, "
            + "ja, jv, kn, kr, ks, kk, km, ki, rw, ky, kv, kg, ko, ku, kj, lo, la, lv, li, ln, lt, lu, lb, mk, mg, ms, "
            + "ml, mt, gv, mi, mr, mh, mo, mn, na, nv, ng, ne, nd, se, no, nb, nn, ny, oc, oj, or, om, os, pi, pa, fa, "
            + "pl, pt, ps, qu, rm, ro, rn, ru, sm, sg, sa, sc, gd, sr, sn, ii, sd, si, sk, sl, so, nr, st, es, su, sw, "
            + "ss, sv, tl, ty, tg, ta, tt, te, th, bo, ti, to, ts, tn, tr, tk, tw, ug, uk, ur, uz, ve, vi, vo, wa, cy, "
            + "wo, xh, ji, yo, za, zu").split(", ")));

    /** ISO 3166-1 alpha-2, plus XK (Kosovo), which ORCID's country enum has. */
    static final Set<String> COUNTRIES;

    static {
        Set<String> c = new java.util.TreeSet<>(Arrays.asList(Locale.getISOCountries()));
        c.add("XK");
        COUNTRIES = java.util.Collections.unmodifiableSet(c);
    }

    static final List<String> CITATION_TYPES = List.of("formatted-unspecified", "bibtex", "ris", "formatted-apa",
            "formatted-harvard", "formatted-ieee", "formatted-mla", "formatted-vancouver", "formatted-chicago");

    static final List<String> RELATIONSHIPS = List.of("self", "part-of", "version-of", "funded-by");

    static final List<String> LEGACY_ROLES = List.of("author", "assignee", "editor", "chair-or-translator",
            "co-investigator", "co-inventor", "graduate-student", "other-inventor", "principal-investigator",
            "postdoctoral-researcher", "support-staff");

    static final List<String> CREDIT_ROLES;

    static {
        List<String> r = new ArrayList<>();
        for (String s : List.of("conceptualization", "data-curation", "formal-analysis", "funding-acquisition",
                "investigation", "methodology", "project-administration", "resources", "software", "supervision",
                "validation", "visualization", "writing-original-draft", "writing-review-editing")) {
            r.add("http://credit.niso.org/contributor-roles/" + s + "/");
        }
        CREDIT_ROLES = List.copyOf(r);
    }

    /** {@code funded-by} is allowed only with these types (ExternalIdentifierFundedByHelper). */
    static final Set<String> FUNDED_BY_TYPES = Set.of("grant_number", "proposal-id", "uri", "doi");

    private Vocabularies() {
    }

    /** The canonical v3.0 type for an input spelling, or null if ORCID does not know it. */
    static String workType(String input) {
        if (input == null) {
            return null;
        }
        if (WORK_TYPES.contains(input)) {
            return input;
        }
        return WORK_TYPE_ALIASES.get(input);
    }

    static boolean validRole(String role) {
        return LEGACY_ROLES.contains(role) || CREDIT_ROLES.contains(role)
                || LEGACY_ROLES.contains(role.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
