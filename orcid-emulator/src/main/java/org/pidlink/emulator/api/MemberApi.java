package org.pidlink.emulator.api;

import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.EmulatorModule;
import org.pidlink.emulator.http.Routes;

/** Member API v3.0 (works). */
public final class MemberApi implements EmulatorModule {

    @Override
    public void register(Routes routes, EmulatorContext context) {
    }
}
