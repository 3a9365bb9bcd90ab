package com.hmoexchange.hub.security;

/** A wrong code (TOTP or recovery) at sign-in, after a right password. For the audit log. */
public record SecondFactorFailed(String username, String address) {
}
