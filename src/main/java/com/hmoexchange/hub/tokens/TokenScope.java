package com.hmoexchange.hub.tokens;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * What an API token may do, and the one map from each scope to the endpoints it opens (docs/security.md shows
 * the same table). A practice's token takes practice scopes, an HMO's token HMO scopes; {@code members:read}
 * is both's. An endpoint no scope names is not for tokens at all: people sign in for it.
 */
public enum TokenScope {

    VISITS_READ("visits:read", Side.PRACTICE, "GET /api/visits/**"),
    VISITS_WRITE("visits:write", Side.PRACTICE, "POST /api/visits"),
    CLAIMS_READ("claims:read", Side.PRACTICE, "GET /api/claims/**"),
    CLAIMS_SUBMIT("claims:submit", Side.PRACTICE, "POST /api/claims", "POST /api/claims/submissions",
            "POST /api/claims/*/lines", "DELETE /api/claims/*/lines/*", "PUT /api/claims/*/lines/*/price",
            "PUT /api/claims/*/details", "POST /api/claims/*/attachments", "DELETE /api/claims/*/attachments/*",
            "POST /api/claims/*/submit", "POST /api/claims/*/resubmission", "DELETE /api/claims/*"),
    MEMBERS_READ("members:read", Side.BOTH, "GET /api/enrollees/**", "POST /api/enrollees/lookups"),
    REQUESTS_READ("requests:read", Side.HMO, "GET /api/hmo/requests", "GET /api/hmo/requests/*"),
    REQUESTS_DECIDE("requests:decide", Side.HMO, "POST /api/hmo/requests/*/approve", "POST /api/hmo/requests/*/decline"),
    ROSTERS_WRITE("rosters:write", Side.HMO, "GET /api/hmo/rosters", "POST /api/hmo/rosters/preview", "POST /api/hmo/rosters");

    /** Whose token may carry the scope. */
    public enum Side {
        PRACTICE, HMO, BOTH;

        boolean allows(boolean practice) {
            return this == BOTH || (this == PRACTICE) == practice;
        }
    }

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final String code;
    private final Side side;
    private final String[] endpoints;

    TokenScope(String code, Side side, String... endpoints) {
        this.code = code;
        this.side = side;
        this.endpoints = endpoints;
    }

    public String code() {
        return code;
    }

    public Side side() {
        return side;
    }

    /** "METHOD /path" patterns, as in docs/security.md. */
    public java.util.List<String> endpoints() {
        return java.util.List.of(endpoints);
    }

    boolean opens(HttpMethod method, String path) {
        for (String endpoint : endpoints) {
            int space = endpoint.indexOf(' ');
            if (method.name().equals(endpoint.substring(0, space)) && PATHS.match(endpoint.substring(space + 1), path)) {
                return true;
            }
        }
        return false;
    }

    /** The scope that opens the endpoint, if any does. */
    static Optional<TokenScope> needed(HttpMethod method, String path) {
        return Arrays.stream(values()).filter(s -> s.opens(method, path)).findFirst();
    }

    static Optional<TokenScope> ofCode(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.code.equals(wanted)).findFirst();
    }

    static String codes() {
        return Arrays.stream(values()).map(TokenScope::code).toList().toString();
    }

    @Override
    public String toString() {
        return code;
    }
}
