package com.hmoexchange.hub.receivables;

import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The money-owed pages: the practice's under /billing (one row per payer), the HMO's under /hmo (one row per
 * practice), each with its statements. The page security lets only provider staff into /billing and HMO admins into
 * /hmo; {@link Receivables} takes whose figures from the signed-in user.
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

    @GetMapping({"/billing/receivables", "/hmo/receivables"})
    String summary(@AuthenticationPrincipal HubUser user, Model model) {
        Figures.Summary summary = receivables.of(user);
        model.addAttribute("summary", summary);
        model.addAttribute("chart", AgingChart.of(summary.parties()));
        model.addAttribute("base", base(user));
        model.addAttribute("show", new Shown());
        return "receivables/summary";
    }

    @GetMapping({"/billing/receivables/{code}", "/hmo/receivables/{code}"})
    String statement(@AuthenticationPrincipal HubUser user, @PathVariable String code, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, Model model) {
        Period period = Period.read(from, to);
        Statement statement = period.errors.attempt(() -> receivables.statementWith(user, code, period.from, period.to));
        model.addAttribute("statement", statement);
        model.addAttribute("errors", period.errors);
        model.addAttribute("from", period.typedFrom);
        model.addAttribute("to", period.typedTo);
        model.addAttribute("base", base(user));
        model.addAttribute("code", code);
        model.addAttribute("show", new Shown());
        return "receivables/statement";
    }

    @GetMapping({"/billing/receivables/{code}/statement.csv", "/hmo/receivables/{code}/statement.csv"})
    void csv(@AuthenticationPrincipal HubUser user, @PathVariable String code, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, HttpServletResponse response) throws IOException {
        Statement statement = forDownload(user, code, from, to, response);
        if (statement != null) {
            downloads.csv(statement, response);
        }
    }

    @GetMapping({"/billing/receivables/{code}/statement.pdf", "/hmo/receivables/{code}/statement.pdf"})
    void pdf(@AuthenticationPrincipal HubUser user, @PathVariable String code, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, HttpServletResponse response) throws IOException {
        Statement statement = forDownload(user, code, from, to, response);
        if (statement != null) {
            downloads.pdf(statement, response);
        }
    }

    /** The statement to download, or null after sending the user back to the page that shows why a date is wrong. */
    private Statement forDownload(HubUser user, String code, String from, String to, HttpServletResponse response) throws IOException {
        Period period = Period.read(from, to);
        if (period.errors.any()) {
            response.sendRedirect(UriComponentsBuilder.fromPath(base(user) + "/" + code).queryParam("from", period.typedFrom)
                    .queryParam("to", period.typedTo).encode().build().toUriString());
            return null;
        }
        return receivables.statementWith(user, code, period.from, period.to);
    }

    private static String base(HubUser user) {
        return user.role().isProviderSide() ? "/billing/receivables" : "/hmo/receivables";
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

    /** What the templates call to write money, dates and shares (${show.money(...)}). */
    static final class Shown {
        public String money(BigDecimal amount, String currency) {
            return Presentation.money(amount, currency);
        }

        public String date(LocalDate date) {
            return Presentation.date(date);
        }

        public String percent(BigDecimal share) {
            return Presentation.percent(share);
        }

        public String days(BigDecimal days) {
            return days == null ? "–" : days.toPlainString();
        }
    }
}
