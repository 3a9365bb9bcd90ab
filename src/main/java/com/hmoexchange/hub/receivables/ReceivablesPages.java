package com.hmoexchange.hub.receivables;

import com.hmoexchange.hub.receivables.Figures.Summary;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The money-owed pages: the practice's under /billing (one row per payer), the HMO's under /hmo (one row per
 * practice), each with its statements. {@link Receivables} takes the tenant from the signed-in user.
 */
@Controller
@WebPage
class ReceivablesPages {

    private final Receivables receivables;
    private final StatementDownloads downloads;

    ReceivablesPages(Receivables receivables, StatementDownloads downloads) {
        this.receivables = receivables;
        this.downloads = downloads;
    }

    @GetMapping("/billing/receivables")
    String practice(@AuthenticationPrincipal HubUser user, Model model) {
        return summary(receivables.practice(user), "/billing/receivables", model);
    }

    @GetMapping("/hmo/receivables")
    String hmo(@AuthenticationPrincipal HubUser user, Model model) {
        return summary(receivables.hmo(user), "/hmo/receivables", model);
    }

    @GetMapping("/billing/receivables/{payerCode}")
    String practiceStatement(@AuthenticationPrincipal HubUser user, @PathVariable String payerCode,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Model model) {
        Period period = Period.read(from, to);
        Statement statement = period.errors.any() ? null
                : period.errors.attempt(() -> receivables.practiceStatement(user, payerCode, period.from, period.to));
        return statement(statement, period, "/billing/receivables", payerCode, model);
    }

    @GetMapping("/hmo/receivables/{practiceCode}")
    String hmoStatement(@AuthenticationPrincipal HubUser user, @PathVariable String practiceCode,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Model model) {
        Period period = Period.read(from, to);
        Statement statement = period.errors.any() ? null
                : period.errors.attempt(() -> receivables.hmoStatement(user, practiceCode, period.from, period.to));
        return statement(statement, period, "/hmo/receivables", practiceCode, model);
    }

    @GetMapping("/billing/receivables/{payerCode}/statement.csv")
    void practiceCsv(@AuthenticationPrincipal HubUser user, @PathVariable String payerCode, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, HttpServletResponse response) throws IOException {
        practiceDownload(user, payerCode, from, to, "csv", response);
    }

    @GetMapping("/billing/receivables/{payerCode}/statement.pdf")
    void practicePdf(@AuthenticationPrincipal HubUser user, @PathVariable String payerCode, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, HttpServletResponse response) throws IOException {
        practiceDownload(user, payerCode, from, to, "pdf", response);
    }

    @GetMapping("/hmo/receivables/{practiceCode}/statement.csv")
    void hmoCsv(@AuthenticationPrincipal HubUser user, @PathVariable String practiceCode, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, HttpServletResponse response) throws IOException {
        hmoDownload(user, practiceCode, from, to, "csv", response);
    }

    @GetMapping("/hmo/receivables/{practiceCode}/statement.pdf")
    void hmoPdf(@AuthenticationPrincipal HubUser user, @PathVariable String practiceCode, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, HttpServletResponse response) throws IOException {
        hmoDownload(user, practiceCode, from, to, "pdf", response);
    }

    private void practiceDownload(HubUser user, String payerCode, String from, String to, String format,
            HttpServletResponse response) throws IOException {
        Period period = Period.read(from, to);
        if (period.errors.any()) {
            response.sendRedirect(period.back("/billing/receivables/" + payerCode));
            return;
        }
        download(receivables.practiceStatement(user, payerCode, period.from, period.to), format, response);
    }

    private void hmoDownload(HubUser user, String practiceCode, String from, String to, String format,
            HttpServletResponse response) throws IOException {
        Period period = Period.read(from, to);
        if (period.errors.any()) {
            response.sendRedirect(period.back("/hmo/receivables/" + practiceCode));
            return;
        }
        download(receivables.hmoStatement(user, practiceCode, period.from, period.to), format, response);
    }

    private void download(Statement statement, String format, HttpServletResponse response) throws IOException {
        if ("pdf".equals(format)) {
            downloads.pdf(statement, response);
        } else {
            downloads.csv(statement, response);
        }
    }

    private static String summary(Summary summary, String base, Model model) {
        model.addAttribute("summary", summary);
        model.addAttribute("chart", AgingChart.of(summary.parties()));
        model.addAttribute("ages", AgingChart.AGES);
        model.addAttribute("base", base);
        model.addAttribute("show", new Shown());
        return "receivables/summary";
    }

    private static String statement(Statement statement, Period period, String base, String code, Model model) {
        model.addAttribute("statement", statement);
        model.addAttribute("errors", period.errors);
        model.addAttribute("from", period.typedFrom);
        model.addAttribute("to", period.typedTo);
        model.addAttribute("base", base);
        model.addAttribute("code", code);
        model.addAttribute("show", new Shown());
        return "receivables/statement";
    }

    /** The period as typed on the page; a date that is not one is the form's error, not a failed page. */
    private static final class Period {
        final FormErrors errors = FormErrors.none();
        final String typedFrom;
        final String typedTo;
        LocalDate from;
        LocalDate to;

        private Period(String from, String to) {
            this.typedFrom = from.trim();
            this.typedTo = to.trim();
        }

        static Period read(String from, String to) {
            Period p = new Period(from, to);
            p.from = p.date("from", p.typedFrom);
            p.to = p.date("to", p.typedTo);
            return p;
        }

        /** The statement page with what was typed, where a bad date is shown as the form's error. */
        String back(String page) {
            return org.springframework.web.util.UriComponentsBuilder.fromPath(page).queryParam("from", typedFrom)
                    .queryParam("to", typedTo).encode().build().toUriString();
        }

        private LocalDate date(String field, String typed) {
            if (typed.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(typed);
            } catch (DateTimeParseException e) {
                errors.field(field, "'" + typed + "' is not a date: write it as yyyy-mm-dd, for example 2026-01-31.");
                return null;
            }
        }
    }

    /** What the templates call to write money, dates and shares (#{show.money(...)}). */
    static final class Shown {
        public String money(java.math.BigDecimal amount, String currency) {
            return Presentation.money(amount, currency);
        }

        public String date(LocalDate date) {
            return Presentation.date(date);
        }

        public String percent(java.math.BigDecimal share) {
            return Presentation.percent(share);
        }

        public String days(java.math.BigDecimal days) {
            return days == null ? "–" : days.toPlainString();
        }
    }
}
