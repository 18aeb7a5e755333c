package org.pidlink.emulator.api;

/** ORCID's five-field error (orcid-api.md §4.1), in its fixed field order. */
public record OrcidError(int responseCode, String developerMessage, String userMessage, int errorCode,
                         String moreInfo) {

    public OrcidError withDeveloperMessage(String message) {
        return new OrcidError(responseCode, message, userMessage, errorCode, moreInfo);
    }
}
