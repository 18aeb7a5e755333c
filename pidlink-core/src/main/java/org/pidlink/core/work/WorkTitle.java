package org.pidlink.core.work;

/**
 * A work's {@code title} element.
 *
 * @param title           the main title: required, not blank, at most 1000 characters (ORCID error 9022 otherwise)
 * @param subtitle        the subtitle, or null
 * @param translatedTitle the title in another language, or null
 */
public record WorkTitle(String title, String subtitle, TranslatedTitle translatedTitle) {

    public WorkTitle {
        WorkRules.requireText("title", title, WorkRules.MAX_TITLE);
        WorkRules.optionalText("subtitle", subtitle, WorkRules.MAX_TITLE);
    }

    public static WorkTitle of(String title) {
        return new WorkTitle(title, null, null);
    }

    /**
     * @param value        the translated title, not blank, at most 1000 characters
     * @param languageCode its language, one of ORCID's language codes
     */
    public record TranslatedTitle(String value, String languageCode) {

        public TranslatedTitle {
            WorkRules.requireText("translated-title", value, WorkRules.MAX_TITLE);
            if (!LanguageCodes.isOrcidCode(languageCode)) {
                throw new InvalidWorkException("translated-title needs one of ORCID's language codes, not \""
                        + languageCode + "\" (ORCID error 9037)");
            }
        }
    }
}
