package com.hmoexchange.hub.tokens;

import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A practice's (OWNER, ADMIN) or an HMO's (HMO_ADMIN) API tokens for its own systems: make, list, revoke. */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "API tokens", description = "Tokens for machine clients (Authorization: Bearer), with scopes and an expiry; "
        + "shown once when made. Scopes and the endpoints they open: docs/security.md")
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record NewToken(String name, List<String> scopes, Integer expiresInDays) {
    }

    @PostMapping
    @Operation(summary = "Make a token for one of your systems. The answer's 'token' is shown this once: only its "
            + "digest is kept. Scopes of a practice: visits:read, visits:write, claims:read, claims:submit, members:read; "
            + "of an HMO: members:read, requests:read, requests:decide, rosters:write. expiresInDays: 1 to 366")
    ResponseEntity<ApiTokens.Created> create(@AuthenticationPrincipal HubUser user, @RequestBody NewToken body) {
        return ResponseEntity.status(201).header("Cache-Control", "no-store")
                .body(tokens.create(user, body.name(), body.scopes(), body.expiresInDays()));
    }

    @GetMapping
    @Operation(summary = "Your practice's or HMO's tokens, newest first: name, scopes, who made it, last used, expiry, "
            + "revoked (never the token itself)")
    List<ApiTokens.TokenView> list(@AuthenticationPrincipal HubUser user) {
        return tokens.list(user);
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke a token: it is refused (401) from the next request on")
    ApiTokens.TokenView revoke(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return tokens.revoke(user, id);
    }
}
