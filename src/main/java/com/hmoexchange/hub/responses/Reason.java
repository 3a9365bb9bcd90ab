package com.hmoexchange.hub.responses;

/** A payer's reason as the payer gave it: a code (X12 CARC, 277CA status code, the payer's own) and its text. */
public record Reason(String code, String text) {
}
