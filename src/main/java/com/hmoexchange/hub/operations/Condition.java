package com.hmoexchange.hub.operations;

/** A condition that holds now: its kind, what it is about (a payer's code, a queue), and what is seen. */
record Condition(IncidentKind kind, String subject, String summary) {

    /** Two evaluations that see the same kind on the same subject see one condition. */
    String key() {
        return key(kind, subject);
    }

    static String key(IncidentKind kind, String subject) {
        return kind.name() + ":" + subject;
    }
}
