package org.pidlink.app.accounts;

import org.pidlink.core.identifiers.OrcidId;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The account of the researcher making the request. */
@Component
public class SignedIn {

    private final Researchers researchers;

    public SignedIn(Researchers researchers) {
        this.researchers = researchers;
    }

    /** Her account; {@link AccountGoneException} when the session outlived it (the database was reset). */
    public Researcher researcher(Authentication authentication) {
        return OrcidId.tryParse(authentication.getName()).toOptional().flatMap(researchers::find)
                .orElseThrow(() -> new AccountGoneException(authentication.getName()));
    }
}
