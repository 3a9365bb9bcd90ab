package com.hmoexchange.hub.common;

/** Something the caller asked for does not exist, or is not theirs to see (both answer 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object key) {
        super(what + " " + key + " was not found");
    }
}
