package org.pidlink.emulator.schema;

/** A JSON body Jackson would refuse (syntax, unknown field, wrong shape): ORCID's 400/9047. */
public final class JsonBodyException extends Exception {
    public JsonBodyException(String message) {
        super(message, null, false, false);
    }
}
