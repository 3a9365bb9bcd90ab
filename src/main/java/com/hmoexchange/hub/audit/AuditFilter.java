package com.hmoexchange.hub.audit;

import java.time.LocalDate;

/** What to show of the audit log: every filter given must match; days are UTC and include both ends. */
public record AuditFilter(String actor, AuditAction action, LocalDate from, LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }

    String actorOrNull() {
        return actor == null || actor.isBlank() ? null : actor.trim();
    }
}
