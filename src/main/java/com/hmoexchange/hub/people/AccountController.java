package com.hmoexchange.hub.people;

import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Everyone's own account: who they are, their last sign-in, their password, a forgotten password. */
@RestController
@RequestMapping("/api/account")
@Tag(name = "Your account", description = "Your last sign-in, change your password, reset a forgotten one")
class AccountController {

    private final People people;

    AccountController(People people) {
        this.people = people;
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank @Size(max = 200) String newPassword) {
    }

    record ResetRequest(@NotBlank @Size(max = 200) String email) {
    }

    @GetMapping
    @Operation(summary = "Your account, with your sign-in to the pages before the latest")
    People.Me me(@AuthenticationPrincipal HubUser user) {
        return people.me(user);
    }

    @PutMapping("/password")
    @Operation(summary = "Change your password (at least 10 characters, not your user name, not a common password)")
    Map<String, String> changePassword(@AuthenticationPrincipal HubUser user, @Valid @RequestBody PasswordChange body) {
        people.changePassword(user, body.currentPassword(), body.newPassword());
        return Map.of("message", "Password changed. Use the new one from now on.");
    }

    @PostMapping("/password-reset")
    @Operation(summary = "Email a one-time link to choose a new password (no sign-in; the same answer whether or not "
            + "the address is known)")
    ResponseEntity<Map<String, String>> requestReset(@Valid @RequestBody ResetRequest body) {
        people.requestReset(body.email());
        return ResponseEntity.accepted().body(Map.of("message", "If " + body.email().trim()
                + " belongs to a user of the hub, a link to choose a new password is on its way. It works once."));
    }
}
