package org.pidlink.core.identifiers;

/**
 * Which ORCID registry a deployment talks to. iDs minted on sandbox.orcid.org mean nothing on orcid.org, so a
 * production deployment must refuse values spelled with the sandbox host.
 */
public enum OrcidEnvironment {
    /** orcid.org: values spelled with the sandbox host are refused. */
    PRODUCTION,
    /**
     * sandbox.orcid.org: every spelling is accepted, because test metadata (DataCite stage, Crossref test
     * deposits) routinely writes sandbox iDs with the production host.
     */
    SANDBOX
}
