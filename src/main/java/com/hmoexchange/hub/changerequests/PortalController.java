package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.changerequests.RequestViews.EnrolleeRow;
import com.hmoexchange.hub.changerequests.RequestViews.Page;
import com.hmoexchange.hub.changerequests.RequestViews.PrincipalView;
import com.hmoexchange.hub.changerequests.RequestViews.RequestView;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

/** The client portal (CLIENT_USER): the client's own staff and dependents, and its change requests. */
@RestController
@RequestMapping("/api/portal")
@Tag(name = "Client portal", description = "A corporate client's staff and dependents, and requests to change them")
class PortalController {

    private final ClientPortal portal;

    PortalController(ClientPortal portal) {
        this.portal = portal;
    }

    @GetMapping("/principals")
    @Operation(summary = "Search your staff (principal enrollees) by name or enrollee number")
    List<EnrolleeRow> search(@AuthenticationPrincipal HubUser user,
            @Parameter(description = "part of a name or enrollee number; empty lists the first 50") @RequestParam(required = false) String q) {
        return portal.searchPrincipals(user, q);
    }

    @GetMapping("/enrollees/{id}")
    @Operation(summary = "A principal with their dependents (given the id of the principal or of a dependent)")
    PrincipalView principal(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return portal.principal(user, id);
    }

    @PostMapping("/requests")
    @Operation(summary = "Ask for a change: ADD_DEPENDENT, REMOVE_DEPENDENT, EDIT_DETAILS, CHANGE_PRIMARY_PROVIDER or "
            + "REGISTER_PRINCIPAL. It waits, PENDING, for the HMO's decision")
    ResponseEntity<RequestView> request(@AuthenticationPrincipal HubUser user, @Valid @RequestBody RequestedChange body) {
        RequestView made = portal.request(user, body);
        return ResponseEntity.created(URI.create("/api/portal/requests/" + made.id())).body(made);
    }

    @GetMapping("/requests")
    @Operation(summary = "Your client's requests and their outcomes, newest first")
    Page<RequestView> requests(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) ChangeStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return portal.requests(user, status, page, size);
    }

    @GetMapping("/requests/{id}")
    @Operation(summary = "One request with the values before and after, and the decision")
    RequestView one(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return portal.request(user, id);
    }

    @PostMapping("/requests/{id}/withdraw")
    @Operation(summary = "Withdraw a request that is still PENDING")
    RequestView withdraw(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return portal.withdraw(user, id);
    }
}
