package com.hmoexchange.hub.security;

/**
 * The explicit permissions to start with a setting {@link StartupChecks} refuses by default (hub.allow-*, e.g.
 * HUB_ALLOW_H2). The demo profile sets allow-h2; nothing else sets any of them.
 */
record SafetyOverrides(boolean allowH2, boolean allowPlainHttp, boolean allowDemoOnPublicAddress,
        boolean allowSmtpWithoutTls) {

    static final SafetyOverrides NONE = new SafetyOverrides(false, false, false, false);
}
