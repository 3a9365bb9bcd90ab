package com.hmoexchange.hub.common;

/** Input that is well-formed but cannot be used, naming the field at fault (answered 422). */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
