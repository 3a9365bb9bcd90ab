package com.hmoexchange.hub.tokens;

import java.time.Instant;
import java.util.List;

/**
 * What happens to API tokens, published as Spring application events for the audit log (issue 15 item 4).
 * A use is published once per token a day (its first use that day), not per request.
 */
public final class ApiTokenEvents {

    private ApiTokenEvents() {
    }

    /** A token was made (its digest stored; the token was shown once to {@code by}). */
    public record ApiTokenCreated(long tokenId, String name, List<String> scopes, Long providerId, Long payerId,
            Instant expiresAt, String by, Instant at) {
    }

    /** A token's first use of the day (UTC), from {@code remoteAddress}. */
    public record ApiTokenUsed(long tokenId, String name, Long providerId, Long payerId, String remoteAddress, Instant at) {
    }

    /** A token was revoked: it is refused from now on. */
    public record ApiTokenRevoked(long tokenId, String name, Long providerId, Long payerId, String by, Instant at) {
    }
}
