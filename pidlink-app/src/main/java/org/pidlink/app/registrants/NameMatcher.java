package org.pidlink.app.registrants;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Which person named in a DOI's metadata a researcher most likely is, by name alone. Names are compared as sets of
 * words after folding case and accents, whatever their order ("Carberry, Josiah" is "Josiah Carberry"); an initial
 * matches a word it begins. The score is the share of the shorter name's words that match, lowered when the family
 * names (the longest matching word) do not match at all.
 */
final class NameMatcher {

    /** A person of the metadata and the score of the best match, or none. */
    record Match(@Nullable String name, @Nullable String role, @Nullable Integer position, double score) {

        static final Match NONE = new Match(null, null, null, 0);

        boolean none() {
            return name == null;
        }
    }

    /** The best match of {@code name} among {@code people}; {@link Match#NONE} when no word matches. */
    static Match best(@Nullable String name, List<MetadataPerson> people) {
        if (name == null || name.isBlank()) {
            return Match.NONE;
        }
        Match best = Match.NONE;
        for (MetadataPerson person : people) {
            double score = score(name, person.name());
            if (score > best.score()) {
                best = new Match(person.name(), person.role(), person.position(), score);
            }
        }
        return best;
    }

    static double score(String a, String b) {
        List<String> left = words(a);
        List<String> right = words(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        List<String> shorter = left.size() <= right.size() ? left : right;
        List<String> longer = new ArrayList<>(shorter == left ? right : left);
        int matched = 0;
        boolean fullWordMatched = false;
        for (String word : shorter) {
            for (int i = 0; i < longer.size(); i++) {
                String other = longer.get(i);
                boolean exact = word.equals(other);
                boolean initial = (word.length() == 1 && other.startsWith(word))
                        || (other.length() == 1 && word.startsWith(other));
                if (exact || initial) {
                    matched++;
                    fullWordMatched |= exact && word.length() > 1;
                    longer.remove(i);
                    break;
                }
            }
        }
        if (!fullWordMatched) {
            return 0;
        }
        double share = (double) matched / shorter.size();
        // A longer name with words left over is a slightly weaker match than the same words exactly.
        double leftOver = (double) longer.size() / (shorter.size() + longer.size() + matched);
        return Math.round((share - leftOver * 0.1) * 100) / 100.0;
    }

    private static List<String> words(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    private NameMatcher() {
    }

}
