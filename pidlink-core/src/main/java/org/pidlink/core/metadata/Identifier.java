package org.pidlink.core.metadata;

/**
 * An identifier as the source states it.
 *
 * @param type  the source's identifier type, for example {@code DOI}, {@code ISSN}, {@code ISBN}, {@code URL}, {@code arXiv}
 * @param value the value, trimmed
 */
public record Identifier(String type, String value) {
}
