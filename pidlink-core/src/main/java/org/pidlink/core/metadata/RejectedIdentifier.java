package org.pidlink.core.metadata;

/**
 * An ORCID iD found in the metadata that pidlink will not use.
 *
 * @param value  the value exactly as found
 * @param reason why it was rejected, in words a person understands
 * @param person the name of the creator or contributor it was attached to, or null
 */
public record RejectedIdentifier(String value, String reason, String person) {
}
