package org.pidlink.app.affiliations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.pidlink.core.affiliation.AffiliationKind;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Permission links by e-mail, through a real SMTP conversation with a minimal server in the test. */
class MailInvitationsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final PermissionLinks.IssuedLink link = new PermissionLinks.IssuedLink(
            new PermissionLinks.PersonView(7, "Ana Lima", "ana@example.edu", null, "P-7", 1, 1, NOW, NOW, null, NOW,
                    "email", null, null),
            URI.create("https://pidlink.example.edu/affiliations/invitation/abc"), Instant.parse("2027-02-05T10:00:00Z"));
    private final StoredAffiliation waiting = new StoredAffiliation(1, "HR-1", 7, null, "ana@example.edu", "Ana Lima",
            "P-7", "upload", AffiliationKind.EMPLOYMENT, Map.of("organization", "Boston University",
            "role", "Professor", "department", "Physics", "start_date", "2019-09"), "h", "PENDING", true, "NONE", null,
            null, null, null, null, 0, null, NOW, NOW, null);

    @Test
    void theLinkAndTheAffiliationsGoToThePersonsAddress() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> smtpSession(server));
            MailInvitations mail = new MailInvitations(sender(server.getLocalPort()),
                    new AffiliationsProperties.Mail(true, "orcid@example.edu", null), "Example University");

            assertThat(mail.send(link, List.of(waiting))).isNull();

            String message = received.get(10, TimeUnit.SECONDS);
            assertThat(message).contains("RCPT TO:<ana@example.edu>").contains("MAIL FROM:<orcid@example.edu>")
                    .contains("Subject: Please review your affiliations for your ORCID record")
                    .contains("Dear Ana Lima,").contains("Example University would like to add this affiliation")
                    .contains("employment: Professor, Physics, Boston University (since 2019-09)")
                    .contains("https://pidlink.example.edu/affiliations/invitation/abc")
                    .contains("works until 2027-02-05");
        }
    }

    @Test
    void aServerThatCannotBeReachedIsReportedAndNothingIsSentWhenMailIsOff() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        MailInvitations unreachable = new MailInvitations(sender(closedPort),
                new AffiliationsProperties.Mail(true, null, null), "your institution");
        assertThat(unreachable.send(link, List.of(waiting))).startsWith("the mail server did not take the message");

        MailInvitations off = new MailInvitations(sender(closedPort), new AffiliationsProperties.Mail(false, null, null),
                "your institution");
        assertThat(off.enabled()).isFalse();
        assertThat(new MailInvitations(null, new AffiliationsProperties.Mail(true, null, null), "x").enabled()).isFalse();
        assertThat(off.send(link, List.of(waiting))).contains("not configured");
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "3000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "3000");
        return sender;
    }

    /** Accepts one SMTP session and answers its transcript (commands and the message, dot-unstuffed). */
    private static String smtpSession(ServerSocket server) {
        StringBuilder transcript = new StringBuilder();
        try (Socket client = server.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = client.getOutputStream()) {
            reply(out, "220 test SMTP");
            String line;
            boolean data = false;
            while ((line = in.readLine()) != null) {
                transcript.append(line).append('\n');
                if (data) {
                    if (line.equals(".")) {
                        data = false;
                        reply(out, "250 queued");
                    }
                    continue;
                }
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 test");
                    case "DATA" -> {
                        data = true;
                        reply(out, "354 go on");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return transcript.toString();
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return transcript.toString();
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
