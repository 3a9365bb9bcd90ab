package com.hmoexchange.hub.notifications;

/**
 * What a notice points to, so that opening it opens that: a claim, a change request, a pre-authorisation request (by
 * its reference), or nothing in particular.
 */
public record About(String claimNumber, Long changeRequestId, String preAuthReference) {

    public static About claim(String claimNumber) {
        return new About(claimNumber, null, null);
    }

    public static About changeRequest(Long changeRequestId) {
        return new About(null, changeRequestId, null);
    }

    public static About preAuthorisation(String reference) {
        return new About(null, null, reference);
    }

    public static About nothing() {
        return new About(null, null, null);
    }
}
