package org.pidlink.core.work;

import org.pidlink.core.identifiers.OrcidId;

/**
 * One entry of a work's {@code contributors}.
 *
 * @param orcid      the contributor's ORCID iD, or null
 * @param creditName the name to show, at most 150 characters, or null
 * @param sequence   first or additional in the author list, or null
 * @param role       one of ORCID's contributor roles (see {@link ContributorRoles}), or null
 */
public record WorkContributor(ContributorOrcid orcid, String creditName, Sequence sequence, String role) {

    public WorkContributor {
        WorkRules.optionalText("credit-name", creditName, WorkRules.MAX_CREDIT_NAME);
        if (role != null && !ContributorRoles.isValid(role)) {
            throw new InvalidWorkException("invalid contributor-role \"" + role + "\" (ORCID error 9058)");
        }
        if (orcid == null && creditName == null) {
            throw new InvalidWorkException("a contributor needs an ORCID iD or a credit-name");
        }
    }

    public enum Sequence {
        FIRST("first"), ADDITIONAL("additional");

        private final String value;

        Sequence(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /**
     * ORCID's {@code contributor-orcid}: the iD as URI, path and host.
     *
     * @param host {@code orcid.org}, or {@code sandbox.orcid.org} when writing to ORCID's sandbox
     */
    public record ContributorOrcid(OrcidId id, String host) {

        public static final String PRODUCTION_HOST = "orcid.org";

        public ContributorOrcid {
            if (id == null) {
                throw new InvalidWorkException("contributor-orcid needs an iD");
            }
            if (host == null || !(host.equals("orcid.org") || host.endsWith(".orcid.org"))) {
                throw new InvalidWorkException("contributor-orcid host must be an orcid.org host, not " + host
                        + " (ORCID error 9020)");
            }
        }

        public static ContributorOrcid of(OrcidId id) {
            return new ContributorOrcid(id, PRODUCTION_HOST);
        }

        public String uri() {
            return "https://" + host + "/" + id.value();
        }

        public String path() {
            return id.value();
        }
    }
}
