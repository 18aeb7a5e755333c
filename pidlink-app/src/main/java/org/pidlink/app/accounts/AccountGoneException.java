package org.pidlink.app.accounts;

import org.pidlink.core.PidlinkException;

/** A signed-in session whose account no longer exists (the database was reset while the session lived). */
public final class AccountGoneException extends PidlinkException {

    public AccountGoneException(String principal) {
        super("no pidlink account for the signed-in iD " + principal);
    }
}
