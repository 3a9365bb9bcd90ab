package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.common.Labelled;

/** Who moved a claim: a person through the hub, a message from the payer, or the hub itself. */
public enum ChangeSource implements Labelled {
    USER("A person"), PAYER("The payer"), SYSTEM("The hub");

    private final String label;

    ChangeSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
