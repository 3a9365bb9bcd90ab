package com.hmoexchange.hub.security;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Checks a user's current password (before they change it) without the hash leaving this package. */
@Component
public class CurrentPasswords {

    private final AppUserRepository users;
    private final PasswordEncoder passwords;

    CurrentPasswords(AppUserRepository users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    public boolean matches(long userId, String rawPassword) {
        return rawPassword != null && users.findById(userId)
                .map(u -> passwords.matches(rawPassword, u.getPasswordHash())).orElse(false);
    }
}
