package com.hmoexchange.hub.eligibility;

/** The payer could not be asked or its answer could not be read: refused, timed out, 5xx, or not what was expected. */
class PayerUnreachable extends RuntimeException {

    PayerUnreachable(String why) {
        super(why);
    }
}
