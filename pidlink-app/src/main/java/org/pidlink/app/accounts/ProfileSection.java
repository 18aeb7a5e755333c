package org.pidlink.app.accounts;

import java.util.Map;

/**
 * A part of the researcher's profile page that another feature fills, such as her claims. Declare a bean; the
 * profile page includes {@code ~{template :: fragment}} with the attributes of {@link #model(Researcher)}.
 */
public interface ProfileSection {

    /** The Thymeleaf template holding the fragment, e.g. {@code claims/profile}. */
    String template();

    /** The fragment's name in {@link #template()}, e.g. {@code claims}. */
    String fragment();

    /** The model attributes the fragment reads, for this researcher. */
    Map<String, Object> model(Researcher researcher);
}
