package com.hmoexchange.hub.security;

import java.time.Instant;

/**
 * Too many failed sign-ins: the account (the user name typed) or the client address is refused until the
 * given time. Published for the audit log; the account's owner is emailed.
 *
 * @param scope ACCOUNT or ADDRESS: what was locked
 */
public record SignInLockedOut(String username, String address, String scope, Instant until) {
}
