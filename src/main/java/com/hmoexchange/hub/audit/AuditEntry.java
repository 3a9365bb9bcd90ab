package com.hmoexchange.hub.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One line of the audit log. Its hash is SHA-256 over the previous entry's hash and this entry's fields,
 * each written with its length first (so no choice of values can make two different entries read alike).
 */
public record AuditEntry(long id, Instant at, String actor, String actorRole, Long providerId, Long payerId,
        AuditAction action, String objectType, String objectId, String detail, String address, String previousHash,
        String hash) {

    /** The hash this entry must carry, given the hash of the one before it. */
    String expectedHash() {
        return hashOf(previousHash, id, at, actor, actorRole, providerId, payerId, action, objectType, objectId, detail,
                address);
    }

    static String hashOf(String previousHash, long id, Instant at, String actor, String actorRole, Long providerId,
            Long payerId, AuditAction action, String objectType, String objectId, String detail, String address) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {previousHash, id, at, actor, actorRole, providerId, payerId, action, objectType,
                objectId, detail, address}) {
            if (field == null) {
                canonical.append("-1:");
            } else {
                String text = field.toString();
                canonical.append(text.length()).append(':').append(text);
            }
            canonical.append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
