package com.hmoexchange.hub.security;

import java.util.List;
import java.util.stream.Collectors;

/** Settings the hub refuses to start with (see {@link StartupChecks}); each refusal says what to change. */
class UnsafeSettings extends RuntimeException {

    record Refusal(String problem, String change) {
    }

    private final List<Refusal> refusals;

    UnsafeSettings(List<Refusal> refusals) {
        super(refusals.stream().map(r -> r.problem() + " " + r.change()).collect(Collectors.joining(" | ")));
        this.refusals = List.copyOf(refusals);
    }

    List<Refusal> refusals() {
        return refusals;
    }
}
