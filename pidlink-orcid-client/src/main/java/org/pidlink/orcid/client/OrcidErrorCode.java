package org.pidlink.orcid.client;

import java.util.Optional;

/**
 * ORCID's {@code error-code}s that a member-API client meets on works and affiliations (orcid-api.md §4.2, §11),
 * by meaning. {@link OrcidError#code()} gives the one an error carries; the {@link OrcidError} variant says what to
 * do, the code says exactly what ORCID refused (e.g. which organization rule an affiliation broke).
 */
public enum OrcidErrorCode {
    /** 400/404/405/406/415: XML schema violation, unknown path, wrong method, media type. */
    INVALID_REQUEST(9001),
    /** 400: generic bad request; bulk over 100 items; an affiliation read through another kind's path. */
    BAD_REQUEST(9006),
    /** 409 on writes, 301 on reads: the record was merged into another. */
    RECORD_DEPRECATED(9007),
    /** 403: not the source of the item. */
    NOT_SOURCE(9010),
    /** 404: no such record (webhooks). */
    RECORD_NOT_FOUND(9011),
    /** 403: a private item of another source. */
    PRIVATE_ITEM(9013),
    /** 403: forbidden (e.g. an unchanged PUT by another source). */
    FORBIDDEN(9014),
    /** 404: no such item, or deleted; unknown iD. */
    NOT_FOUND(9016),
    /** 401: the token is for another record, or the client is not a member. */
    TOKEN_NOT_FOR_RECORD(9017),
    /** 409: the record is locked. */
    RECORD_LOCKED(9018),
    /** 400: the put-code in the URL differs from the one in the body (or the body has none). */
    PUT_CODE_MISMATCH(9019),
    /** 400: invalid data (dates, contributor iDs, empty fields of a work). */
    INVALID_DATA(9020),
    /** 409: this client already has this activity (same kind, same self id); the message names its put-code. */
    DUPLICATE(9021),
    /** 400: a work needs a title. */
    TITLE_REQUIRED(9022),
    /** 400: a work's external ids are missing, of an unknown type, or without a self one. */
    EXTERNAL_ID_INVALID(9023),
    /** 400: a put-code in a POST body. */
    PUT_CODE_NOT_EXPECTED(9024),
    /** 409: the researcher takes no notifications. */
    NOTIFICATIONS_DECLINED(9032),
    /** 400: a put-code that is not a number, or unknown in a bulk read. */
    PUT_CODE_INVALID(9034),
    /** 403: a PUT tried to change the visibility. */
    VISIBILITY_CHANGE(9035),
    /** 409: the record is not claimed yet. */
    RECORD_UNCLAIMED(9036),
    /** 400: a value outside ORCID's vocabulary (work type, country, language). */
    INVALID_VALUE(9037),
    /** 403: the token lacks the scope. */
    SCOPE_MISSING(9038),
    /** 403: a non-public item on the public API. */
    NOT_PUBLIC(9039),
    /** 409: the record is deactivated. */
    RECORD_DEACTIVATED(9044),
    /**
     * 400: "disambiguated-organization must be present and valid": an employment or education without an
     * organization id, or an id (with its source) that is not in ORCID's organization table, for any kind.
     */
    ORGANIZATION_ID_INVALID(9045),
    /** 400: an affiliation without an organization. */
    ORGANIZATION_MISSING(9046),
    /** 400: JSON ORCID cannot read, or that breaks the schema. */
    INVALID_JSON(9047),
    /** 409: 10,000 works already. */
    WORK_LIMIT_REACHED(9048),
    /** 400: a date that is not a real {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}. */
    INVALID_DATE(9049),
    /** 400: a value outside an enum (XML), e.g. a relationship {@code SELF}. */
    INVALID_ENUM_VALUE(9051),
    /** 400: an end date before the start date. */
    END_BEFORE_START(9055),
    /** 400: an invalid contributor role. */
    INVALID_CONTRIBUTOR_ROLE(9058),
    /** 400: an employment or education without a city or country. */
    CITY_AND_COUNTRY_REQUIRED(9060),
    /** 400: a qualification, invited position, distinction, membership or service with a city or region, no country. */
    COUNTRY_REQUIRED_WITH_CITY_OR_REGION(9061),
    /** 400: one of those five kinds with neither an organization id nor an external id. */
    ORGANIZATION_ID_OR_EXTERNAL_ID_REQUIRED(9062);

    private final int code;

    OrcidErrorCode(int code) {
        this.code = code;
    }

    /** The number ORCID sends. */
    public int code() {
        return code;
    }

    /** The meaning of {@code code}, or empty for 0 and codes not listed here. */
    public static Optional<OrcidErrorCode> of(int code) {
        for (OrcidErrorCode c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
