package com.hmoexchange.hub.audit;

import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit log", description = "Who did what, when and from which address: sign-ins, reads of members' data, "
        + "administrative changes, re-sends, replays and decisions. PLATFORM_ADMIN sees every entry, HMO_ADMIN their HMO's, "
        + "OWNER their practice's.")
class AuditController {

    private final AuditSearch search;
    private final AuditReview review;

    AuditController(AuditSearch search, AuditReview review) {
        this.search = search;
        this.review = review;
    }

    @GetMapping
    @Operation(summary = "Entries newest first, filtered; hasMore with nextBefore gives the next (older) page")
    AuditSearch.Found entries(@AuthenticationPrincipal HubUser user,
            @Parameter(description = "Username (exact, any case)") @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action,
            @Parameter(description = "First day, UTC (yyyy-mm-dd)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day, UTC, included") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Entries older than this id (the previous page's nextBefore)") @RequestParam(required = false) Long before,
            @Parameter(description = "Entries per page, at most 200") @RequestParam(defaultValue = "50") int size) {
        return search.search(user, new AuditFilter(actor, action, from, to), before, size);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "Every entry matching the filters, oldest first, as CSV with each entry's hashes")
    void export(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        review.export(user, new AuditFilter(actor, action, from, to), response);
    }

    @GetMapping("/verify")
    @Operation(summary = "Check the whole hash chain (PLATFORM_ADMIN): intact, or the first entry where it breaks and why")
    AuditChain.Verification verify() {
        AuditChain.Verification result = review.verify();
        return result;
    }
}
