package com.hmoexchange.hub.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * A plain-text email the hub sends. The body may hold a secret (a sign-in link): never log it. When it does,
 * {@code secretUntil} is when that secret stops working: the body is not kept after it, sent or not.
 */
public record Email(String to, String subject, String body, Instant secretUntil) {

    public Email {
        Objects.requireNonNull(to);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(body);
    }

    /** An email without a secret in it. */
    public Email(String to, String subject, String body) {
        this(to, subject, body, null);
    }
}
