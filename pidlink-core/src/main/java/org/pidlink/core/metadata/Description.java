package org.pidlink.core.metadata;

/**
 * @param text     the description, whitespace collapsed, markup removed
 * @param type     DataCite's descriptionType ({@code Abstract}, {@code Methods}, ...) or {@code Abstract} for Crossref
 * @param language its language, or null
 */
public record Description(String text, String type, String language) {
}
