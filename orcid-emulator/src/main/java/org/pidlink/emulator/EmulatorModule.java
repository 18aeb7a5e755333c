package org.pidlink.emulator;

import org.pidlink.emulator.http.Routes;

/**
 * A feature of the emulator (member API, OAuth pages, webhooks, inbox...). Each module registers its routes
 * once, at start, and keeps whatever it needs from the context. Modules are listed in {@link EmulatorModules}.
 */
public interface EmulatorModule {

    void register(Routes routes, EmulatorContext context);
}
