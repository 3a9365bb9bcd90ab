package com.hmoexchange.hub.claims;

/** Who moved a claim: a person through the hub, a message from the payer, or the hub itself. */
public enum ChangeSource {
    USER, PAYER, SYSTEM
}
