package com.hmoexchange.hub.operations;

/** The conditions that open an incident, each with what an operator reads about it and what to do. */
public enum IncidentKind implements com.hmoexchange.hub.common.Labelled {
    PAYER_FAILING("Payer failing", "Sends to this payer keep failing: check its endpoint, credentials and the Messages page."),
    PAYER_SILENT("Payer silent", "Claims delivered to this payer have had no answer past its answer time: chase the payer."),
    DEAD_LETTERS("Dead letters", "Claims were given up after the last retry: fix the cause, then replay them on Dead letters."),
    OUTBOX_STALLED("Outbox stalled", "Submitted claims are not reaching the broker: check the broker and the hub's logs."),
    DOCUMENT_QUARANTINED("Document quarantined", "A payer's file could not be applied: read its report on Quarantined files."),
    MAIL_HELD("Mail held", "A mail to an intake failed its sender, authentication or size check: accept or reject it on Held mails."),
    MAIL_FAILING("Mail failing", "The mail server refuses the hub's emails: check the mail server and HUB_MAIL_* settings."),
    REQUESTS_WAITING("Requests waiting", "Clients' change requests wait past their age limit: remind the HMO's desk.");

    private final String label;
    private final String advice;

    IncidentKind(String label, String advice) {
        this.label = label;
        this.advice = advice;
    }

    public String label() {
        return label;
    }

    public String advice() {
        return advice;
    }
}
