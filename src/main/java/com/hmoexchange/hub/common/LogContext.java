package com.hmoexchange.hub.common;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * What the hub is working on, in the log context (SLF4J MDC), so that every line logged meanwhile (the hub's
 * own and its libraries') carries it; the JSON logs (HUB_LOG_FORMAT) give each key as a field. Only
 * identifiers go here, never member data: a claim number, a payer's code, a document's id and file name.
 * A scope puts back what was there before when it closes, so nesting (a claim inside a document) works and
 * nothing is left on a pooled thread.
 */
public final class LogContext implements AutoCloseable {

    public static final String CLAIM = "claimNumber";
    public static final String PAYER = "payer";
    public static final String DOCUMENT = "document";
    public static final String DOCUMENT_ID = "documentId";
    /** A corporate client's code, for its bulk request files. */
    public static final String CLIENT = "client";

    private final Map<String, String> before = new LinkedHashMap<>();

    private LogContext() {
    }

    /** A payer's document (file, mail attachment or callback) from now until the scope closes. */
    public static LogContext document(String payer, String name) {
        return new LogContext().with(PAYER, payer).with(DOCUMENT, name).with(DOCUMENT_ID, null);
    }

    /** One claim (of {@code payer}, when known) until the scope closes. */
    public static LogContext claim(String claimNumber, String payer) {
        LogContext scope = new LogContext().with(CLAIM, claimNumber);
        return payer == null ? scope : scope.with(PAYER, payer);
    }

    public static LogContext payer(String payer) {
        return new LogContext().with(PAYER, payer);
    }

    /** Adds a key to this scope (null: removed while the scope is open); put back as it was on close. */
    public LogContext with(String key, Object value) {
        before.putIfAbsent(key, MDC.get(key));
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, String.valueOf(value));
        }
        return this;
    }

    /** Sets a key this scope holds (say the document's id once it is known); put back as it was on close. */
    public void set(String key, Object value) {
        if (!before.containsKey(key)) {
            throw new IllegalArgumentException("The log context scope does not hold " + key);
        }
        MDC.put(key, String.valueOf(value));
    }

    @Override
    public void close() {
        before.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }

    /** Removes the hub's keys: for a thread that starts new work and must not carry the last work's keys. */
    public static void clear() {
        MDC.remove(CLAIM);
        MDC.remove(PAYER);
        MDC.remove(DOCUMENT);
        MDC.remove(DOCUMENT_ID);
        MDC.remove(CLIENT);
    }
}
