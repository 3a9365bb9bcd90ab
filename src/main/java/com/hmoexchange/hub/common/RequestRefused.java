package com.hmoexchange.hub.common;

/**
 * A request refused before any work was done on it, published for the audit log: an API token refused or used outside
 * its scopes, a body over a size limit, a record not found (or not the caller's). The audit keeps a bounded number of these per client address (a flood of bad
 * requests must not become a flood of entries); see audit/RefusalAudit.
 *
 * @param who what the request was signed in as, if known ({@code token:<name>}, a user name), else null
 * @param providerId the practice of the token or user, if known, so its owner sees the attempt
 * @param payerId the HMO of the token or user, if known
 * @param objectType what was refused ({@code api-token}, {@code request-body}, {@code callback}, {@code upload})
 * @param objectId which one (a token's id, a digest prefix of an unknown token, a payer's code); never a secret
 * @param detail why, and the endpoint: no health data
 * @param address the client's address (the forwarded one behind a trusted proxy)
 */
public record RequestRefused(Kind kind, String who, Long providerId, Long payerId, String objectType, String objectId,
        String detail, String address) {

    public enum Kind {
        /** An API token unknown, malformed, expired, revoked, or used outside its scopes. */
        TOKEN_REFUSED,
        /** A request body, callback or upload over its size limit (413). */
        BODY_TOO_LARGE,
        /**
         * A record asked for that is not there or belongs to another tenant: the API answers 404 to both, so a token or
         * person probing another practice's claims learns nothing, and the audit still shows each attempt.
         */
        NOT_FOUND
    }

    /** A 404 from the API (the signed-in user or token is taken by the audit). */
    public static RequestRefused notFound(String endpoint, String what, String address) {
        return new RequestRefused(Kind.NOT_FOUND, null, null, null, "request", null, endpoint + ": " + what, address);
    }

    /**
     * An oversized body (the signed-in user, if any, is taken by the audit: size limits are mostly checked before sign-in).
     *
     * @param limit the limit in bytes, or 0 or less when not known (a multipart upload's file limit)
     */
    public static RequestRefused bodyTooLarge(String objectType, String objectId, String endpoint, long limit, String address) {
        return new RequestRefused(Kind.BODY_TOO_LARGE, null, null, null, objectType, objectId,
                endpoint + ": " + (limit > 0 ? "body over " + limit + " bytes" : "a file over the upload limit") + ", refused", address);
    }
}
