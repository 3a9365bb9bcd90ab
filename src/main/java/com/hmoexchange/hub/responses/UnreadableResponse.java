package com.hmoexchange.hub.responses;

/**
 * A payer document the hub cannot read, and where: {@code line} is the 1-based line (CSV row, X12 segment
 * number), or 0 when the problem is with the whole document. The message says what is wrong, for the
 * quarantine report a person reads.
 */
public class UnreadableResponse extends Exception {

    private final long line;

    public UnreadableResponse(long line, String message) {
        super(message);
        this.line = line;
    }

    public UnreadableResponse(long line, String message, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
