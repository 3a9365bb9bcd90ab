package com.hmoexchange.hub.notifications;

/** What a notice is about. Stored by name (at most 30 characters). */
public enum NotificationKind {
    // To a practice, about one of its claims.
    CLAIM_REJECTED,
    CLAIM_PARTIAL,
    CLAIM_PAID,
    CLAIM_OVERPAID,
    PAYMENT_REVERSED,
    CLAIM_STALE,
    // To the operators.
    FILE_QUARANTINED,
    MAIL_HELD,
    MESSAGE_DEAD_LETTERED,
    INCIDENT_OPENED,
    INCIDENT_CLOSED,
    // To an HMO: a client's request waits for a decision, or a client's file of them arrived.
    CHANGE_REQUESTED,
    CHANGE_REQUESTS_RECEIVED,
    // To an HMO: a roster file from its intake folder or mailbox was applied, or refused whole.
    ROSTER_APPLIED,
    ROSTER_REFUSED,
    // To a client: the HMO decided one of its requests.
    CHANGE_REQUEST_DECIDED,
    // Pre-authorisation (preauth): to an HMO, a request to decide, a reminder, an answer, an emergency to review;
    // to a practice, the decision, a question, a deemed authorisation.
    PREAUTH_REQUESTED,
    PREAUTH_REMINDER,
    PREAUTH_ANSWERED,
    PREAUTH_EMERGENCY,
    PREAUTH_DECIDED,
    PREAUTH_MORE_INFO_ASKED,
    PREAUTH_DEEMED_AUTHORISED
}
