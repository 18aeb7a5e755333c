package org.pidlink.app.affiliations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/**
 * For administrators: upload an affiliation file (or paste it), see every row's status, export it as CSV, download
 * the template.
 */
@Controller
class AffiliationsAdminController {

    static final String PAGE = "/admin/affiliations";
    static final String DEFAULT_SOURCE = "upload";
    /** The page shows the rows changed last; the CSV export has every row. */
    static final int PAGE_ROWS = 500;

    private final AffiliationUploads uploads;
    private final AffiliationStore store;
    private final PermissionLinks links;
    private final InboxInvitations inbox;
    private final MailInvitations mail;

    AffiliationsAdminController(AffiliationUploads uploads, AffiliationStore store, PermissionLinks links,
                                InboxInvitations inbox, MailInvitations mail) {
        this.uploads = uploads;
        this.store = store;
        this.links = links;
        this.inbox = inbox;
        this.mail = mail;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("rows", store.latest(PAGE_ROWS));
        model.addAttribute("rowCount", store.count());
        model.addAttribute("pageRows", PAGE_ROWS);
        model.addAttribute("people", links.people());
        model.addAttribute("columns", java.util.Arrays.stream(Column.values()).map(Column::header).toList());
        model.addAttribute("sourceDefault", DEFAULT_SOURCE);
        model.addAttribute("now", links.now());
        model.addAttribute("mailEnabled", mail.enabled());
        return "affiliations/admin";
    }

    @PostMapping(PAGE)
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String content,
                  @RequestParam(required = false) String source, @RequestParam(defaultValue = "false") boolean removeMissing,
                  Model model, HttpServletResponse response) throws IOException {
        byte[] body;
        String type;
        if (file != null && !file.isEmpty()) {
            try (InputStream in = file.getInputStream()) {
                body = in.readAllBytes();
            }
            type = file.getOriginalFilename() != null && file.getOriginalFilename().toLowerCase().endsWith(".json")
                    ? "application/json" : file.getContentType();
        } else if (content != null && !content.isBlank()) {
            body = content.getBytes(StandardCharsets.UTF_8);
            type = null;
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "Choose a CSV or JSON file (or paste its text) to upload.");
            return page(model);
        }
        String from = source == null || source.isBlank() ? DEFAULT_SOURCE : source.strip();
        try {
            model.addAttribute("notice", uploads.upload(body, type, from, removeMissing).summary());
        } catch (FileRefused refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "The file was refused and nothing of it was stored: "
                    + refused.errors().size() + " error(s). Correct them and upload the whole file again.");
            model.addAttribute("errors", refused.errors());
        }
        return page(model);
    }

    /**
     * Makes permission links and hands them over as CSV, for the institution's own mailing: for everyone with
     * affiliations waiting and no working link ({@code which=new}), or new links for all of them ({@code which=all},
     * which replaces the links sent before).
     */
    @PostMapping(PAGE + "/links.csv")
    ResponseEntity<String> linksCsv(@RequestParam(defaultValue = "new") String which) {
        java.time.Instant now = links.now();
        List<PermissionLinks.PersonView> people = links.people().stream().filter(p -> p.waiting() > 0)
                .filter(p -> "all".equals(which) || !p.hasActiveLink(now)).toList();
        StringBuilder csv = new StringBuilder(Csv.line(List.of("person_id", "name", "email", "orcid",
                "affiliations_waiting", "link", "link_expires_at")));
        for (PermissionLinks.IssuedLink link : links.issue(people, "csv")) {
            PermissionLinks.PersonView p = link.person();
            csv.append(Csv.line(java.util.Arrays.asList(p.localPersonId(), p.name(), p.email(),
                    p.orcid() == null ? null : p.orcid().value(), Integer.toString(p.waiting()), link.url().toString(),
                    links.person(p.id()).map(v -> v.linkExpiresAt().toString()).orElse(null))));
        }
        return csv(csv.toString(), "affiliation-permission-links.csv");
    }

    /** Sends a new link to the ORCID inbox of everyone whose iD is known and who has affiliations waiting. */
    @PostMapping(PAGE + "/inbox")
    String sendToInbox(Model model) {
        return send(model, "orcid-inbox", p -> p.orcid() != null, inbox::send, "sent to ORCID inboxes",
                "nobody with a known iD is waiting without a working link");
    }

    /** E-mails a new link to everyone with an e-mail address and affiliations waiting, who has no working link. */
    @PostMapping(PAGE + "/email")
    String sendByEmail(Model model, HttpServletResponse response) {
        if (!mail.enabled()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("error", "E-mail is not configured: set pidlink.affiliations.mail.enabled and "
                    + "spring.mail.host (see docs/configuration.md).");
            return page(model);
        }
        return send(model, "email", p -> p.email() != null, mail::send, "e-mailed",
                "nobody with an e-mail address is waiting without a working link");
    }

    /** How a link reaches a person: null when it did, else why not. */
    @FunctionalInterface
    private interface Channel {
        String send(PermissionLinks.IssuedLink link, List<StoredAffiliation> waiting);
    }

    private String send(Model model, String how, java.util.function.Predicate<PermissionLinks.PersonView> reachable,
                        Channel channel, String done, String nobody) {
        java.time.Instant now = links.now();
        List<PermissionLinks.PersonView> people = links.people().stream()
                .filter(p -> reachable.test(p) && p.waiting() > 0 && !p.hasActiveLink(now)).toList();
        int sent = 0;
        List<String> problems = new java.util.ArrayList<>();
        for (PermissionLinks.IssuedLink link : links.issue(people, how)) {
            List<StoredAffiliation> waiting = store.ofPerson(link.person().id()).stream()
                    .filter(ResearcherAffiliationsController::waiting).toList();
            String problem = channel.send(link, waiting);
            links.notificationError(link.person().id(), problem);
            if (problem == null) {
                sent++;
            } else {
                // A link nobody received must not count as sent.
                links.revoke(link.person().id());
                PermissionLinks.PersonView p = link.person();
                problems.add((p.orcid() != null ? p.orcid().value() : p.email()) + ": " + problem);
            }
        }
        model.addAttribute("notice", sent + " permission link(s) " + done + (people.isEmpty() ? " (" + nobody + ")"
                : "") + "." + (problems.isEmpty() ? "" : " Not sent: " + String.join("; ", problems)));
        return page(model);
    }

    @PostMapping(PAGE + "/people/{id}/revoke")
    String revoke(@org.springframework.web.bind.annotation.PathVariable long id, Model model) {
        model.addAttribute("notice", links.revoke(id) ? "The link is withdrawn: it no longer opens anything."
                : "That person has no working link.");
        return page(model);
    }

    @GetMapping(PAGE + "/status.csv")
    ResponseEntity<String> statusCsv() {
        StringBuilder csv = new StringBuilder(Csv.line(List.of("local_key", "person", "orcid", "email", "type",
                "organization", "role", "start_date", "end_date", "status", "put_code", "message", "updated_at")));
        for (StoredAffiliation a : store.all()) {
            csv.append(Csv.line(java.util.Arrays.asList(a.localKey(), a.name(),
                    a.orcid() == null ? null : a.orcid().value(), a.email(), a.kind().value(),
                    a.field(Column.ORGANIZATION), a.field(Column.ROLE), a.field(Column.START_DATE),
                    a.field(Column.END_DATE), a.status().label(), a.putCode() == null ? null : a.putCode().toString(),
                    a.message(), a.updatedAt().toString())));
        }
        return csv(csv.toString(), "affiliations-status.csv");
    }

    @GetMapping(PAGE + "/template.csv")
    ResponseEntity<String> template() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/affiliations/template.csv")) {
            return csv(new String(in.readAllBytes(), StandardCharsets.UTF_8), "affiliations-template.csv");
        }
    }

    static ResponseEntity<String> csv(String body, String filename) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }
}
