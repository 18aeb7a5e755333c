package org.pidlink.app.accounts;

/** The settings form as posted; {@code accessLevel} is checked before use. */
record SettingsForm(boolean autoUpdate, boolean publicProfile, String accessLevel) {
}
