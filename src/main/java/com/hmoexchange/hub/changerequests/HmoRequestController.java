package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.changerequests.RequestViews.AppliedChange;
import com.hmoexchange.hub.changerequests.RequestViews.Page;
import com.hmoexchange.hub.changerequests.RequestViews.RequestView;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The HMO's side of change requests (HMO_ADMIN): review, approve or decline, audit. Notices: /api/notifications. */
@RestController
@RequestMapping("/api/hmo")
@Tag(name = "HMO: change requests", description = "Review, approve or decline clients' enrollee change requests")
class HmoRequestController {

    private final HmoDesk desk;

    HmoRequestController(HmoDesk desk) {
        this.desk = desk;
    }

    record Decline(@NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping("/requests")
    @Operation(summary = "Your clients' change requests, newest first, with filters")
    Page<RequestView> list(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) ChangeStatus status,
            @Parameter(description = "client code") @RequestParam(required = false) String client,
            @RequestParam(required = false) ChangeKind kind,
            @Parameter(description = "made on or after (yyyy-mm-dd)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "made on or before (yyyy-mm-dd)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return desk.list(user, new HmoDesk.Filter(status, client, kind, from, to), page, size);
    }

    @GetMapping("/requests/{id}")
    @Operation(summary = "A request with the values before and after")
    RequestView one(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return desk.one(user, id);
    }

    @PostMapping("/requests/{id}/approve")
    @Operation(summary = "Approve: the change is applied at once (refused if the data changed since the request was made)")
    RequestView approve(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return desk.approve(user, id);
    }

    @PostMapping("/requests/{id}/decline")
    @Operation(summary = "Decline with a reason the client will see; nothing changes")
    RequestView decline(@AuthenticationPrincipal HubUser user, @PathVariable long id, @Valid @RequestBody Decline body) {
        return desk.decline(user, id, body.reason());
    }

    @GetMapping("/enrollee-history")
    @Operation(summary = "Audit: every applied change of an enrollee, with its request, who asked and who approved")
    List<AppliedChange> history(@AuthenticationPrincipal HubUser user, @RequestParam String enrolleeNumber) {
        return desk.history(user, enrolleeNumber);
    }
}
