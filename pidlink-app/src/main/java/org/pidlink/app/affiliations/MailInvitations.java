package org.pidlink.app.affiliations;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * E-mails a person her permission link with the affiliations waiting for her, through the SMTP server Spring's
 * {@code spring.mail.*} names. Sends only when {@code pidlink.affiliations.mail.enabled} is true and a mail server
 * is configured ({@link #enabled()}). Thread-safe.
 */
final class MailInvitations {

    private static final Logger log = LoggerFactory.getLogger(MailInvitations.class);

    private final JavaMailSender sender;
    private final AffiliationsProperties.Mail settings;
    private final String institution;

    /** @param sender null when no mail server is configured */
    MailInvitations(JavaMailSender sender, AffiliationsProperties.Mail settings, String institution) {
        this.sender = sender;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.institution = institution;
    }

    boolean enabled() {
        return settings.enabled() && sender != null;
    }

    /** Sends one message; answers null when the server took it, else why not. */
    String send(PermissionLinks.IssuedLink link, List<StoredAffiliation> waiting) {
        PermissionLinks.PersonView person = link.person();
        if (!enabled()) {
            return "e-mail is not configured (pidlink.affiliations.mail.enabled and spring.mail.host)";
        }
        if (person.email() == null) {
            return "pidlink knows no e-mail address of this person";
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(person.email());
        message.setSubject(settings.subject());
        message.setText(text(link, waiting));
        try {
            sender.send(message);
            log.info("E-mailed an affiliation permission link to person {} ({} item(s))", person.id(), waiting.size());
            return null;
        } catch (MailException e) {
            log.warn("Could not e-mail the permission link of person {}: {}", person.id(), e.getMessage());
            return "the mail server did not take the message: " + e.getMessage();
        }
    }

    String text(PermissionLinks.IssuedLink link, List<StoredAffiliation> waiting) {
        StringBuilder text = new StringBuilder();
        String name = link.person().name();
        text.append(name == null ? "Hello," : "Dear " + name + ",").append("\n\n");
        text.append(capitalized(institution)).append(" would like to add ")
                .append(waiting.size() == 1 ? "this affiliation" : "these affiliations")
                .append(" to your ORCID record:\n\n");
        for (StoredAffiliation a : waiting) {
            text.append("  - ").append(a.kind().value()).append(": ").append(a.title());
            if (!a.period().isEmpty()) {
                text.append(" (").append(a.period()).append(")");
            }
            text.append("\n");
        }
        text.append("\nTo review them, sign in with your ORCID iD and give your permission, follow this link:\n\n")
                .append(link.url()).append("\n\n")
                .append("The link is yours alone and works until ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE.format(link.expiresAt().atZone(ZoneOffset.UTC)))
                .append(". Nothing is added to your record without your approval, and you can delete what was added "
                        + "on ORCID at any time.\n");
        return text.toString();
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
