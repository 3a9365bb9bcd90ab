package com.hmoexchange.hub.preauth;

/** A request (or the practice's answer on it) waits to go to a channel-mode payer once its transaction commits. */
record PreAuthReadyToSend(long id) {
}
