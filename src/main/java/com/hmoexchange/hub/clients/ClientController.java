package com.hmoexchange.hub.clients;

import com.hmoexchange.hub.clients.ClientCredentials.ClientUserView;
import com.hmoexchange.hub.clients.ClientCredentials.Issued;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The HMO's side of its corporate clients: the clients themselves and their users' credentials. */
@RestController
@RequestMapping("/api/hmo")
@Tag(name = "HMO: clients and credentials", description = "An HMO's corporate clients and their portal users")
class ClientController {

    private final Clients clients;
    private final ClientCredentials credentials;

    ClientController(Clients clients, ClientCredentials credentials) {
        this.clients = clients;
        this.credentials = credentials;
    }

    record ClientView(long id, String code, String name, String numberPrefix, String contactEmail, String hmoEmail) {
        static ClientView of(Client c) {
            return new ClientView(c.getId(), c.getCode(), c.getName(), c.getNumberPrefix(), c.getContactEmail(), c.getHmoEmail());
        }
    }

    record NewClient(@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9-]+", message = "must be lower-case letters, digits and dashes") String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 10) @Pattern(regexp = "[A-Z0-9]+", message = "must be upper-case letters and digits") String numberPrefix,
            @NotBlank @Email @Size(max = 200) String contactEmail,
            @NotBlank @Email @Size(max = 200) String hmoEmail) {
    }

    record NewCredentials(@NotBlank @Email @Size(max = 100) String email) {
    }

    @GetMapping("/clients")
    @Operation(summary = "The HMO's corporate clients")
    List<ClientView> list(@AuthenticationPrincipal HubUser user) {
        return clients.list(user).stream().map(ClientView::of).toList();
    }

    @PostMapping("/clients")
    @Operation(summary = "Add a corporate client")
    ResponseEntity<ClientView> add(@AuthenticationPrincipal HubUser user, @Valid @RequestBody NewClient body) {
        Client client = clients.add(user, body.code(), body.name(), body.numberPrefix(), body.contactEmail(), body.hmoEmail());
        return ResponseEntity.created(URI.create("/api/hmo/clients/" + client.getId())).body(ClientView.of(client));
    }

    @PostMapping("/clients/{clientId}/credentials")
    @Operation(summary = "Generate credentials: create the client user if new and email a one-time sign-in link "
            + "(the HMO's desk gets a copy without the link); sending again revokes the earlier link")
    ResponseEntity<Issued> issue(@AuthenticationPrincipal HubUser user, @PathVariable long clientId,
            @Valid @RequestBody NewCredentials body) {
        return ResponseEntity.status(201).body(credentials.issue(user, clientId, body.email()));
    }

    @GetMapping("/client-users")
    @Operation(summary = "The HMO's client users, optionally of one client")
    List<ClientUserView> users(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) Long clientId) {
        return credentials.list(user, clientId);
    }

    @PostMapping("/client-users/{userId}/disable")
    @Operation(summary = "Disable a client user (and void any unused link)")
    ClientUserView disable(@AuthenticationPrincipal HubUser user, @PathVariable long userId) {
        return credentials.disable(user, userId);
    }
}
