package com.hmoexchange.hub.common;

import java.util.Map;

/**
 * A business rule refused the request as it stands (answered 409 Conflict). The code is stable
 * and machine-readable; the message tells a person what is wrong and what to do about it.
 */
public class RuleViolation extends RuntimeException {

    private final String code;

    public RuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Extra machine-readable facts for the problem body (for example which attachments are missing). */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
