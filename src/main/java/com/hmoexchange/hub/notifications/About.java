package com.hmoexchange.hub.notifications;

/** What a notice points to, so that opening it opens that: a claim, a change request, or nothing in particular. */
public record About(String claimNumber, Long changeRequestId) {

    public static About claim(String claimNumber) {
        return new About(claimNumber, null);
    }

    public static About changeRequest(Long changeRequestId) {
        return new About(null, changeRequestId);
    }

    public static About nothing() {
        return new About(null, null);
    }
}
