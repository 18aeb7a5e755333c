package org.pidlink.app.system;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every kind of {@code application/problem+json} answer of pidlink's REST API (RFC 9457). Its {@link #uri() type}
 * is a reference relative to pidlink's own address ({@code /problems/unknown-doi}), where the type is explained, so
 * that a client can tell problems apart by {@code type} alone; the OpenAPI document lists each one per operation.
 */
public enum ProblemType {

    API_KEY_REQUIRED(HttpStatus.UNAUTHORIZED, "Unauthorized",
            "The call needs an API key: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'. "
                    + "Administrators create keys at /admin/api-keys."),
    API_KEY_INVALID(HttpStatus.UNAUTHORIZED, "Unauthorized",
            "The API key is unknown or was revoked. Ask a pidlink administrator for a new key."),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden", "The API key may not do this."),
    NOT_DOI_OWNER(HttpStatus.FORBIDDEN, "Not the owner of the DOI",
            "Another source registered the DOI (or holds its prefix): only it may change or delete it. 'owner' names "
                    + "it; an administrator can transfer the DOI on /admin/api-keys. Nothing was changed."),
    EMPTY_REQUEST(HttpStatus.BAD_REQUEST, "Empty request",
            "The body is empty: send DataCite or Crossref metadata (XML or JSON), one record, a list or JSON Lines."),
    UNREADABLE_METADATA(HttpStatus.BAD_REQUEST, "Unreadable metadata",
            "No DOI record could be read from the body. 'errors' lists each problem with its location "
                    + "(line and column, or JSON path). Nothing was stored."),
    REQUEST_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
            "The body is larger than pidlink.intake.max-request-bytes; send the records in several requests."),
    INVALID_AFFILIATION_FILE(HttpStatus.BAD_REQUEST, "Invalid affiliation file",
            "The affiliation file (CSV or JSON) was refused whole: 'errors' lists every problem with its line, column "
                    + "and message (see docs/affiliations.md for the format). Nothing of it was stored."),
    INVALID_DOI(HttpStatus.BAD_REQUEST, "Invalid doi",
            "The path does not hold a DOI ('parameter' names it, 'reason' says why)."),
    INVALID_ORCID(HttpStatus.BAD_REQUEST, "Invalid orcid",
            "The path does not hold an ORCID iD ('parameter' names it, 'reason' says why, e.g. a wrong checksum)."),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "Invalid parameter",
            "A query parameter has a value of the wrong kind ('parameter' names it, 'reason' says what it takes)."),
    UNKNOWN_DOI(HttpStatus.NOT_FOUND, "Unknown DOI", "pidlink has received no metadata for this DOI."),
    NO_PUBLIC_LINKS(HttpStatus.NOT_FOUND, "Not found",
            "pidlink has no public links for this ORCID iD: it is unknown, or the researcher keeps out of public "
                    + "lookups."),
    UNKNOWN_REGISTRANT(HttpStatus.NOT_FOUND, "Unknown registrant",
            "There is no registrant with this id for this API key: a key reads its own registrant only."),
    UNKNOWN_SUGGESTION(HttpStatus.NOT_FOUND, "Unknown suggestion",
            "The registrant has no link suggestion with this id."),
    PREFIX_NOT_OWNED(HttpStatus.FORBIDDEN, "Prefix not owned",
            "The DOI prefix is not one of the registrant's: 'parameter' names it. A registrant sees its own prefixes only."),
    SUGGESTION_CLOSED(HttpStatus.CONFLICT, "Suggestion closed",
            "The suggestion can no longer be decided: its iD arrived in the metadata, or the researcher withdrew the claim."),
    NO_SUCH_ENDPOINT(HttpStatus.NOT_FOUND, "No such endpoint", "pidlink's API has no such method and path."),
    NOT_STORED(HttpStatus.SERVICE_UNAVAILABLE, "Not stored",
            "pidlink could not complete the request (e.g. its database is unavailable) and kept nothing of it; "
                    + "send it again later.");

    private final HttpStatus status;
    private final String title;
    private final String description;

    ProblemType(HttpStatus status, String title, String description) {
        this.status = status;
        this.title = title;
        this.description = description;
    }

    /** The name in the type URI, e.g. {@code unknown-doi}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The problem's {@code type}: {@code /problems/{slug}}. */
    public URI uri() {
        return URI.create("/problems/" + slug());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** What the type means, for the OpenAPI document and the page at {@link #uri()}. */
    public String description() {
        return description;
    }

    /** A problem of this type with the answer's own {@code detail}. */
    public ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        return problem;
    }
}
