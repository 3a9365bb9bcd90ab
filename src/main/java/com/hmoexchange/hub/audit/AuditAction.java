package com.hmoexchange.hub.audit;

/**
 * What an audit entry records. Each is recorded where it happens, in one line
 * ({@code audit.record(AuditAction.PAYLOAD_VIEWED, "message", id)}); sign-ins come from Spring Security's events.
 */
public enum AuditAction {
    // Sign-in and account protection
    SIGNED_IN,
    SIGN_IN_FAILED,
    ACCOUNT_LOCKED,
    TWO_FACTOR_ENROLLED,
    TWO_FACTOR_FAILED,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    TOKEN_USED,
    TOKEN_REFUSED,
    TWO_FACTOR_RESET,
    // Input refused before any work on it
    BODY_TOO_LARGE,
    MAIL_HELD,
    // A record asked for by the API that is not there or not the caller's (one answer, 404, for both)
    NOT_FOUND,
    // Reads of members' data and of what payers and practices sent
    MEMBER_LOOKED_UP,
    ATTACHMENT_DOWNLOADED,
    PAYLOAD_VIEWED,
    STATEMENT_DOWNLOADED,
    // Administrative changes
    USER_INVITED,
    USER_ENABLED,
    USER_DISABLED,
    USER_ROLE_CHANGED,
    ORGANISATION_RECORDED,
    CONTRACT_RECORDED,
    TARIFF_APPLIED,
    ROSTER_APPLIED,
    SETTING_CHANGED,
    CLIENT_CREDENTIALS_ISSUED,
    // Operators' and HMOs' decisions on messages and requests
    CLAIM_RESENT,
    DEAD_LETTER_REPLAYED,
    EXCEPTION_MATCHED,
    EXCEPTION_DISMISSED,
    QUARANTINE_DISMISSED,
    HELD_MAIL_ACCEPTED,
    HELD_MAIL_REJECTED,
    REQUEST_APPROVED,
    REQUEST_DECLINED,
    // The audit log itself
    AUDIT_EXPORTED,
    AUDIT_VERIFIED
}
