package com.hmoexchange.hub.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a sign-in link (an invitation or a reset) leads: open without signing in, because the link's
 * token is the credential. The token travels in the body, not the URL, so it stays out of access logs.
 */
@RestController
@RequestMapping("/api/credentials")
@Tag(name = "Sign-in links", description = "Anyone invited, or who asked for a reset, sets their password with the emailed link")
class SetPasswordController {

    private final SignInLinks credentials;

    SetPasswordController(SignInLinks credentials) {
        this.credentials = credentials;
    }

    record NewPassword(@NotBlank @Size(max = 200) String token,
            @NotBlank @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_LENGTH, message = "must be 10 to 200 characters") String password) {
    }

    record PasswordSet(String username, String message) {
    }

    @PostMapping("/password")
    @Operation(summary = "Set your password with the token from your sign-in link (works once, until the link expires)")
    PasswordSet setPassword(@Valid @RequestBody NewPassword body) {
        String username = credentials.setPassword(body.token(), body.password());
        return new PasswordSet(username, "Password set. Sign in as " + username + " with it.");
    }
}
