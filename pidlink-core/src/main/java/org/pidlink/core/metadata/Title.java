package org.pidlink.core.metadata;

/**
 * @param text     the title text, whitespace collapsed
 * @param type     what kind of title it is
 * @param language the title's language as given (for example {@code en}, {@code de-DE}), or null
 */
public record Title(String text, TitleType type, String language) {

    public enum TitleType { MAIN, SUBTITLE, TRANSLATED, ALTERNATIVE, OTHER }
}
