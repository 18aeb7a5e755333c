package org.pidlink.app.accounts;

import org.pidlink.core.PidlinkException;

/** The token vault cannot seal or open a token, or has no usable key. */
public final class VaultException extends PidlinkException {

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
