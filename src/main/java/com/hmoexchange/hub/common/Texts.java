package com.hmoexchange.hub.common;

/** Text from outside the hub, made to fit where it is kept. */
public final class Texts {

    private Texts() {
    }

    /** The text, or its first max - 3 characters and "..." when it is longer than max. */
    public static String shortened(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** The text with any NUL character replaced: PostgreSQL text cannot hold one. */
    public static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
