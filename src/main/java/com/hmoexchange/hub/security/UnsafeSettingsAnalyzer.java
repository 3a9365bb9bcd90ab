package com.hmoexchange.hub.security;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the start-up refusals as Spring Boot prints a failed start: what is wrong, then what to change. */
class UnsafeSettingsAnalyzer extends AbstractFailureAnalyzer<UnsafeSettings> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSettings cause) {
        String description = "The hub refused to start with settings that are unsafe outside a trial:\n"
                + cause.refusals().stream().map(r -> "  - " + r.problem()).collect(Collectors.joining("\n"));
        String action = cause.refusals().stream().map(r -> "  - " + r.change()).collect(Collectors.joining("\n"));
        return new FailureAnalysis(description, action, cause);
    }
}
