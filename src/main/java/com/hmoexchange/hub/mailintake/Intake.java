package com.hmoexchange.hub.mailintake;

/** The hub's mail intakes: where a held mail came in, and so which flow applies it when it is accepted. */
public enum Intake {
    /** A payer's answers mailbox (owner: the payer's code). */
    PAYER_RESPONSES("Payer answers"),
    /** The bulk-request address of clients and HMO admins' rosters (owner: the intake address's user). */
    BULK_REQUESTS("Bulk requests and rosters");

    private final String label;

    Intake(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
