package com.hmoexchange.hub.common;

/** The user is signed in but may not do this (answered 403 with the reason). */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
