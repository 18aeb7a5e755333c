package org.pidlink.emulator;

import java.util.List;
import org.pidlink.emulator.token.TokenEndpoint;

/**
 * The emulator's features, in registration order. To add one, implement {@link EmulatorModule} in your
 * sub-package and add it here (this list is the only shared line to edit).
 */
final class EmulatorModules {

    private EmulatorModules() {
    }

    static List<EmulatorModule> all() {
        return List.of(
                new TokenEndpoint(),
                new org.pidlink.emulator.api.MemberApi(),
                new org.pidlink.emulator.api.AffiliationsApi(),
                new org.pidlink.emulator.api.UnservedPaths(),
                new org.pidlink.emulator.oauth.OpenIdConnect(),
                new org.pidlink.emulator.oauth.AuthorizePages(),
                new org.pidlink.emulator.inbox.NotificationPermissionApi(),
                new org.pidlink.emulator.webhooks.Webhooks(),
                new org.pidlink.emulator.pages.PeoplePages(),
                new org.pidlink.emulator.pages.InboxPages(),
                new org.pidlink.emulator.pages.TrustedOrganizationsPage()
        );
    }
}
