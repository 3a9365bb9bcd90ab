package com.hmoexchange.hub.receivables;

import com.hmoexchange.hub.receivables.Figures.Summary;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Money owed, as JSON and as statement files: a practice's staff see their practice's claims per payer, an HMO's
 * admin their payer's claims per practice. Whose figures is the signed-in user's tenant, never a parameter.
 */
@RestController
@Tag(name = "Money owed", description = "Unpaid amounts by age, days to decide and pay, first-pass acceptance, rejection "
        + "reasons, payments below tariff, and statements of account (docs/web-portals.md, \"Money owed\")")
class ReceivablesController {

    private static final String FROM = "first submission date of the period (yyyy-mm-dd, in the hub's time zone); none: from the first claim";
    private static final String TO = "last submission date of the period, inclusive; none: today";

    private final Receivables receivables;
    private final StatementDownloads downloads;

    ReceivablesController(Receivables receivables, StatementDownloads downloads) {
        this.receivables = receivables;
        this.downloads = downloads;
    }

    @GetMapping("/api/receivables")
    @Operation(summary = "Your practice's money owed, one row per payer")
    Summary practice(@AuthenticationPrincipal HubUser user) {
        return receivables.practice(user);
    }

    @GetMapping("/api/receivables/statements/{payerCode}")
    @Operation(summary = "Your practice's statement of account with a payer, claim by claim, with totals")
    Statement practiceStatement(@AuthenticationPrincipal HubUser user, @PathVariable String payerCode,
            @Parameter(description = FROM) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return receivables.practiceStatement(user, payerCode, from, to);
    }

    @GetMapping("/api/receivables/statements/{payerCode}.csv")
    @Operation(summary = "The same statement as CSV (amounts as plain numbers, text cells defused against spreadsheet formulas); audited")
    void practiceCsv(@AuthenticationPrincipal HubUser user, @PathVariable String payerCode,
            @Parameter(description = FROM) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        downloads.csv(receivables.practiceStatement(user, payerCode, from, to), response);
    }

    @GetMapping("/api/receivables/statements/{payerCode}.pdf")
    @Operation(summary = "The same statement as PDF, naming practice, payer, period and when it was generated; audited")
    void practicePdf(@AuthenticationPrincipal HubUser user, @PathVariable String payerCode,
            @Parameter(description = FROM) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        downloads.pdf(receivables.practiceStatement(user, payerCode, from, to), response);
    }

    @GetMapping("/api/hmo/receivables")
    @Operation(summary = "What your HMO owes each practice, by age, and how long your clients' change requests have waited")
    Summary hmo(@AuthenticationPrincipal HubUser user) {
        return receivables.hmo(user);
    }

    @GetMapping("/api/hmo/receivables/statements/{practiceCode}")
    @Operation(summary = "Your HMO's statement of account with a practice, claim by claim, with totals")
    Statement hmoStatement(@AuthenticationPrincipal HubUser user, @PathVariable String practiceCode,
            @Parameter(description = FROM) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return receivables.hmoStatement(user, practiceCode, from, to);
    }

    @GetMapping("/api/hmo/receivables/statements/{practiceCode}.csv")
    @Operation(summary = "The same statement as CSV; audited")
    void hmoCsv(@AuthenticationPrincipal HubUser user, @PathVariable String practiceCode,
            @Parameter(description = FROM) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        downloads.csv(receivables.hmoStatement(user, practiceCode, from, to), response);
    }

    @GetMapping("/api/hmo/receivables/statements/{practiceCode}.pdf")
    @Operation(summary = "The same statement as PDF; audited")
    void hmoPdf(@AuthenticationPrincipal HubUser user, @PathVariable String practiceCode,
            @Parameter(description = FROM) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        downloads.pdf(receivables.hmoStatement(user, practiceCode, from, to), response);
    }
}
