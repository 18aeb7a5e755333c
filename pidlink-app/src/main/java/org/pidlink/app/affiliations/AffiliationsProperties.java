package org.pidlink.app.affiliations;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Affiliations an institution writes to its people's ORCID records ({@code pidlink.affiliations.*}).
 *
 * @param institution    the institution's name as researchers know it (and as ORCID shows the source of what
 *                       pidlink writes: the name of its ORCID client)
 * @param registrationId the ORCID client registration whose permission the links ask for and the writer uses
 * @param maxFileBytes   the largest file an upload (page or API) takes
 * @param maxRows        the most rows one file may hold
 * @param linkValidity   how long a permission link works after it is made
 * @param baseUrl        pidlink's public address, for the links; null: the address the server listens on
 * @param pollInterval   how often the idle writer looks for due writes another instance queued
 * @param mail           e-mail the permission links through SMTP ({@code spring.mail.*}); off by default
 * @param inbox          send a permission notification to the ORCID inbox of people whose iD is known

 */
@ConfigurationProperties("pidlink.affiliations")
record AffiliationsProperties(String institution, String registrationId, Long maxFileBytes, Integer maxRows, Duration linkValidity,
                              URI baseUrl, Duration pollInterval, Mail mail, Inbox inbox) {

    AffiliationsProperties {
        institution = institution == null || institution.isBlank() ? "your institution" : institution.strip();
        registrationId = registrationId == null || registrationId.isBlank() ? "auto-update" : registrationId;
        maxFileBytes = maxFileBytes == null ? 5L * 1024 * 1024 : maxFileBytes;
        maxRows = maxRows == null ? 20_000 : maxRows;
        linkValidity = linkValidity == null ? Duration.ofDays(60) : linkValidity;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        inbox = inbox == null ? new Inbox(null, null) : inbox;
        mail = mail == null ? new Mail(false, null, null) : mail;
        if (maxRows < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("pidlink.affiliations.max-rows and max-file-bytes must be positive");
        }
    }

    /**
     * @param enabled whether pidlink e-mails links (needs {@code spring.mail.host})
     * @param from    the sender's address
     * @param subject the message's subject
     */
    record Mail(boolean enabled, String from, String subject) {
        Mail {
            from = from == null || from.isBlank() ? "pidlink@localhost" : from.strip();
            subject = subject == null ? "Please review your affiliations for your ORCID record" : subject;
        }
    }

    /**
     * @param subject the notification's subject
     * @param intro   its introduction (at most 1000 characters)
     */
    record Inbox(String subject, String intro) {
        Inbox {
            subject = subject == null ? "Add your affiliations to your ORCID record" : subject;
            intro = intro == null ? "Your institution would like to add these affiliations to your ORCID record "
                    + "through pidlink. Follow the link to review them and give permission." : intro;
        }
    }
}
