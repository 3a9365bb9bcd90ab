package com.hmoexchange.hub.people;

import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Managing colleagues: a practice's OWNER/ADMIN their practice's users, an HMO_ADMIN the HMO's administrators,
 * a PLATFORM_ADMIN the hub's operators and administrators. Another tenant's users are answered 404.
 */
@RestController
@RequestMapping("/api/people")
@Tag(name = "People", description = "Invite colleagues, change their role, disable or enable them")
class PeopleController {

    private final People people;

    PeopleController(People people) {
        this.people = people;
    }

    record NewInvitation(@NotBlank @Size(max = 100) String email, @NotNull Role role) {
    }

    record RoleChange(@NotNull Role role) {
    }

    @GetMapping
    @Operation(summary = "The users you manage")
    List<People.UserView> list(@AuthenticationPrincipal HubUser user) {
        return people.list(user);
    }

    @PostMapping("/invitations")
    @Operation(summary = "Invite a colleague by email: they get a one-time link to choose a password (an address "
            + "that already signs in is refused)")
    ResponseEntity<People.Invited> invite(@AuthenticationPrincipal HubUser user, @Valid @RequestBody NewInvitation body) {
        return ResponseEntity.status(201).body(people.invite(user, body.email(), body.role()));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable a user: their page sessions end and the API refuses them at once (the last OWNER "
            + "of a practice or the last PLATFORM_ADMIN cannot be disabled)")
    People.UserView disable(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return people.disable(user, id);
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a user again")
    People.UserView enable(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return people.enable(user, id);
    }

    @PostMapping("/{id}/two-factor/reset")
    @Operation(summary = "Reset a person's two-factor sign-in (lost phone): their codes and recovery codes stop working, "
            + "they are signed out and set it up again at their next sign-in, and they are emailed. A PLATFORM_ADMIN may "
            + "reset anyone's, an OWNER their practice's people's, an HMO_ADMIN their HMO's administrators'; never your own (403)")
    People.UserView resetTwoFactor(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return people.resetTwoFactor(user, id);
    }

    @PutMapping("/{id}/role")
    @Operation(summary = "Give a user another role; their page sessions end")
    People.UserView changeRole(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @Valid @RequestBody RoleChange body) {
        return people.changeRole(user, id, body.role());
    }
}
