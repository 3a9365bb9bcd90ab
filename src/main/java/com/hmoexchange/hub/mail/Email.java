package com.hmoexchange.hub.mail;

import java.util.Objects;

/** A plain-text email the hub sends. The body may hold a secret (a sign-in link): never log it. */
public record Email(String to, String subject, String body) {

    public Email {
        Objects.requireNonNull(to);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(body);
    }
}
