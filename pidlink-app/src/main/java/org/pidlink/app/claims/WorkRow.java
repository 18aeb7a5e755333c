package org.pidlink.app.claims;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One DOI on the researcher's profile: one row however many of pidlink's ORCID clients claim it, saying what is
 * on her ORCID record under which client, and what pidlink does next and why, in her words.
 *
 * @param claims the DOI's claims, one per ORCID client registration
 */
public record WorkRow(String doi, @Nullable String title, List<ClaimView> claims, String onOrcid, String next) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public String doiUrl() {
        return "https://doi.org/" + doi;
    }

    /** A claim she may put back (she removed it, or it is kept out of pidlink's writes). */
    public @Nullable ClaimView putBack() {
        return claims.stream().filter(ClaimView::keptOut).findFirst().orElse(null);
    }

    /** The words of the button that puts {@link #putBack()} back. */
    public String putBackLabel() {
        ClaimView c = putBack();
        return c == null ? "" : switch (c.status()) {
            case DISMISSED -> "Bring it back";
            case REMOVED_BY_RESEARCHER -> "Put it back";
            default -> "Include again";
        };
    }

    /** A claim she may exclude: one pidlink writes or wants to write. */
    public @Nullable ClaimView excludable() {
        return claims.stream().filter(c -> !c.keptOut() && c.queuedAction() != ClaimAction.DELETE
                && c.status() != ClaimStatus.AWAITING_REVIEW).findFirst().orElse(null);
    }

    /** A claim whose write may run and waits its turn (or its retry), which "Sync now" can hurry. */
    public @Nullable ClaimView syncable() {
        return claims.stream().filter(c -> c.queuedAction() != null
                && (c.status() == ClaimStatus.QUEUED || c.status() == ClaimStatus.FAILED_WILL_RETRY))
                .findFirst().orElse(null);
    }

    /**
     * @param clientName names a claim's registration for her, e.g. "pidlink's auto-update client"
     */
    static WorkRow of(List<ClaimView> claims, Function<String, String> clientName) {
        ClaimView first = claims.getFirst();
        String title = claims.stream().map(ClaimView::title).filter(t -> t != null).findFirst().orElse(null);
        List<String> ours = new ArrayList<>();
        boolean elsewhere = false;
        for (ClaimView c : claims) {
            if (c.putCode() != null) {
                ours.add(clientName.apply(c.registrationId()));
            } else if (c.keptOut() && c.status() == ClaimStatus.IN_ORCID) {
                elsewhere = true;
            }
        }
        String onOrcid = !ours.isEmpty() ? "Yes, added by " + String.join(" and by ", ours) + "."
                : elsewhere ? "Yes, added by someone else than pidlink." : "No.";
        List<String> next = new ArrayList<>();
        for (ClaimView c : claims) {
            String sentence = sentence(c);
            next.add(claims.size() > 1 ? capitalize(clientName.apply(c.registrationId())) + ": " + sentence : sentence);
        }
        return new WorkRow(first.doi(), title, List.copyOf(claims), onOrcid, String.join(" ", next));
    }

    /** What pidlink does next with one claim and why: its status's sentence, told for the write it waits to make. */
    static String sentence(ClaimView c) {
        boolean removing = c.queuedAction() == ClaimAction.DELETE;
        String what = switch (c.status()) {
            case QUEUED -> removing ? "pidlink removes it from your ORCID record in a moment."
                    : c.queuedAction() == ClaimAction.UPDATE ? "pidlink updates it on your ORCID record in a moment."
                    : "pidlink adds it to your ORCID record in a moment.";
            case WAITING_FOR_PERMISSION -> removing
                    ? "pidlink removes it from your ORCID record as soon as you allow pidlink to change your record."
                    : "pidlink adds it to your ORCID record as soon as you allow it.";
            case IN_ORCID -> c.keptOut() && c.putCode() == null
                    ? "It is on your ORCID record from another source, so pidlink adds no copy of it."
                    : c.status().description();
            case FAILED_WILL_RETRY -> c.nextAttemptAt() == null ? c.status().description()
                    : "ORCID could not take it; pidlink tries again at " + TIME.format(c.nextAttemptAt()) + " UTC.";
            // The status above says "Not sent: filtered"; the sentence says which filter, in her words.
            case FILTERED -> c.statusReason() == null || c.statusReason().isEmpty() ? c.status().description()
                    : Character.toUpperCase(c.statusReason().charAt(0)) + c.statusReason().substring(1) + ".";
            default -> c.status().description();
        };
        String why = c.statusReason();
        boolean saysItself = why == null || c.status() == ClaimStatus.REMOVED_BY_RESEARCHER
                || c.status() == ClaimStatus.FILTERED
                || c.status() == ClaimStatus.IN_ORCID && c.keptOut();
        return saysItself ? what : what + " Why: " + why + ".";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
