package org.pidlink.app.push;

import java.util.Optional;

/** Finds the ORCID client of a registration. Thread-safe. */
@FunctionalInterface
public interface RegisteredClients {

    Optional<RegisteredClient> find(String registrationId);
}
