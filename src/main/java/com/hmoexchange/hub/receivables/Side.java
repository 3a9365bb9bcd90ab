package com.hmoexchange.hub.receivables;

/**
 * Whose figures: a practice's (its claims, one row per payer) or an HMO's (its payer's claims, one row per
 * practice). The columns are constants written into the SQL, never anything a caller sent.
 */
enum Side {
    PRACTICE("provider_id", "payer_id", "payer"),
    HMO("payer_id", "provider_id", "provider");

    /** The claim column the signed-in user's tenant is: every query is scoped by it. */
    final String scope;
    /** The claim column of the other party, one row each. */
    final String party;
    /** The other party's table (its code and name). */
    final String partyTable;

    Side(String scope, String party, String partyTable) {
        this.scope = scope;
        this.party = party;
        this.partyTable = partyTable;
    }
}
