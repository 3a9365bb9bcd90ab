package com.hmoexchange.hub.responses;

import java.util.regex.Pattern;

/**
 * A payer document the hub cannot read, and where: {@code line} is the 1-based line (CSV row, X12 segment
 * number), or 0 when the problem is with the whole document. The message says what is wrong, for the
 * quarantine report a person reads.
 */
public class UnreadableResponse extends Exception {

    private static final Pattern LIBRARY_CODE = Pattern.compile("HAPI-\\d+: |Failed to parse JSON encoded FHIR content: ");
    private static final Pattern SOURCE = Pattern.compile("Source: [^;\\]]*; ");
    private static final Pattern THROWABLE = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ?");
    private static final Pattern TYPE = Pattern.compile("`(?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$.]*`");

    private final long line;

    public UnreadableResponse(long line, String message) {
        super(inWords(message));
        this.line = line;
    }

    public UnreadableResponse(long line, String message, Throwable cause) {
        super(inWords(message), cause);
        this.line = line;
    }

    /**
     * A library's message as a person reads it in the quarantine report: without the parsers' own error codes,
     * the Java exception or type it names, or where Jackson would have quoted the source.
     */
    static String inWords(String message) {
        if (message == null) {
            return null;
        }
        String words = LIBRARY_CODE.matcher(message).replaceAll("");
        words = SOURCE.matcher(words).replaceAll("");
        words = THROWABLE.matcher(words).replaceAll("");
        words = TYPE.matcher(words).replaceAll("the expected value");
        return words.replace("For input string: ", "not a number: ");
    }

    public long line() {
        return line;
    }
}
