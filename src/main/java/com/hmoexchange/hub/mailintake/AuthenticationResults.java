package com.hmoexchange.hub.mailintake;

import jakarta.mail.internet.HeaderTokenizer;
import jakarta.mail.internet.HeaderTokenizer.Token;
import jakarta.mail.internet.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Authentication-Results} header (RFC 8601): who wrote it (the authserv-id) and what each method
 * found ({@code dkim=pass header.d=example.org}). No maintained Java parser exists (Apache James' mime4j and
 * jakarta.mail parse addresses and MIME fields, not this one), so this reads the RFC's grammar with
 * jakarta.mail's {@link HeaderTokenizer}, which already knows quoted strings and comments in parentheses.
 * Comments are dropped: they explain, they decide nothing. A header this cannot read (Microsoft's, which
 * leaves out the authserv-id) reads as empty, so it is never trusted.
 *
 * @param authservId the server that wrote the header, lower case; empty when the header names none
 * @param results the methods' results in the order written; none for {@code authserv-id; none}
 */
public record AuthenticationResults(String authservId, List<Result> results) {

    /** RFC 2045 specials without '.', so that {@code header.d} and {@code example.org} are one token each. */
    private static final String SPECIALS = "()<>@,;:\\\"/[]?=";

    public AuthenticationResults {
        results = List.copyOf(results);
    }

    /**
     * One method's result.
     *
     * @param method {@code dkim}, {@code dmarc}, {@code spf}, … in lower case (a version such as {@code dkim/1} dropped)
     * @param result {@code pass}, {@code fail}, {@code none}, … in lower case
     * @param properties {@code header.d}, {@code header.from}, {@code smtp.mailfrom}, … as written (names in lower case)
     */
    public record Result(String method, String result, String reason, Map<String, String> properties) {

        public Result {
            properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties)); // in the order written
        }

        public Optional<String> property(String name) {
            return Optional.ofNullable(properties.get(name));
        }

        /** What an operator reads: {@code dkim=fail header.d=example.org}. */
        public String text() {
            StringBuilder text = new StringBuilder(method).append('=').append(result);
            properties.forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
            return text.toString();
        }
    }

    private static final AuthenticationResults UNREADABLE = new AuthenticationResults("", List.of());

    public static AuthenticationResults parse(String header) {
        if (header == null) {
            return UNREADABLE;
        }
        List<Token> tokens = new ArrayList<>();
        try {
            // Folded headers arrive with their line breaks; they are white space like any other.
            HeaderTokenizer tokenizer = new HeaderTokenizer(header.replaceAll("\\r?\\n", " "), SPECIALS, true);
            for (Token t = tokenizer.next(); t.getType() != Token.EOF; t = tokenizer.next()) {
                tokens.add(t);
            }
        } catch (ParseException e) {
            return UNREADABLE;
        }
        return new Reader(tokens).read();
    }

    /** A recursive-descent reading of RFC 8601 section 2.2 over the tokens. */
    private static final class Reader {

        private final List<Token> tokens;
        private int at;

        Reader(List<Token> tokens) {
            this.tokens = tokens;
        }

        AuthenticationResults read() {
            if (!isValue(0) || isChar(1, '=')) {
                return UNREADABLE; // no authserv-id: "spf=pass ..." as Microsoft writes it
            }
            String authservId = next().getValue().toLowerCase(Locale.ROOT);
            if (isAtom(0) && peek(0).getValue().chars().allMatch(Character::isDigit)) {
                at++; // the version after the authserv-id
            }
            List<Result> results = new ArrayList<>();
            while (at < tokens.size()) {
                if (!isChar(0, ';')) {
                    return UNREADABLE;
                }
                at++;
                if (at >= tokens.size()) {
                    break; // a trailing ';'
                }
                if (results.isEmpty() && isAtom(0) && "none".equalsIgnoreCase(peek(0).getValue()) && !isChar(1, '=')
                        && !isChar(1, '/')) {
                    at++;
                    continue;
                }
                Result result = result();
                if (result == null) {
                    return UNREADABLE;
                }
                results.add(result);
            }
            return new AuthenticationResults(authservId, results);
        }

        private Result result() {
            if (!isAtom(0)) {
                return null;
            }
            String method = next().getValue().toLowerCase(Locale.ROOT);
            if (isChar(0, '/')) {
                at += 2; // method version, e.g. dkim/1
            }
            if (!isChar(0, '=') || !isValue(1)) {
                return null;
            }
            at++;
            String outcome = next().getValue().toLowerCase(Locale.ROOT);
            String reason = null;
            Map<String, String> properties = new LinkedHashMap<>();
            while (at < tokens.size() && !isChar(0, ';')) {
                if (!isAtom(0)) {
                    return null;
                }
                StringBuilder name = new StringBuilder(next().getValue().toLowerCase(Locale.ROOT));
                // "header . d" written with spaces comes as three tokens, "header.d" as one.
                while (isAtom(0) && peek(0).getValue().startsWith(".") || name.toString().endsWith(".") && isAtom(0)) {
                    name.append(next().getValue().toLowerCase(Locale.ROOT));
                }
                if (!isChar(0, '=')) {
                    return null;
                }
                at++;
                String value = value();
                if (value == null) {
                    return null;
                }
                if (name.toString().equals("reason")) {
                    reason = value;
                } else {
                    properties.putIfAbsent(name.toString(), value);
                }
            }
            return new Result(method, outcome, reason, properties);
        }

        /** A pvalue: a value, or [local-part] "@" domain (header.i=@example.org, smtp.mailfrom=a@example.org). */
        private String value() {
            StringBuilder value = new StringBuilder();
            if (isValue(0)) {
                value.append(next().getValue());
            }
            if (isChar(0, '@')) {
                at++;
                if (!isAtom(0)) {
                    return null;
                }
                value.append('@').append(next().getValue());
            }
            return value.isEmpty() ? null : value.toString();
        }

        private Token peek(int ahead) {
            return at + ahead < tokens.size() ? tokens.get(at + ahead) : null;
        }

        private Token next() {
            return tokens.get(at++);
        }

        private boolean isAtom(int ahead) {
            Token t = peek(ahead);
            return t != null && t.getType() == Token.ATOM;
        }

        private boolean isValue(int ahead) {
            Token t = peek(ahead);
            return t != null && (t.getType() == Token.ATOM || t.getType() == Token.QUOTEDSTRING);
        }

        private boolean isChar(int ahead, char c) {
            Token t = peek(ahead);
            return t != null && t.getType() == c;
        }
    }
}
