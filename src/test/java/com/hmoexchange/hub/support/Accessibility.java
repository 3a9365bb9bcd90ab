package com.hmoexchange.hub.support;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Deque's axe-core run on the page the browser shows, once per kind of page: the path with its identifiers blanked
 * (every claim's page is one kind), the names of its query parameters, and which of error summary, notice, confirmation,
 * table and form the page holds (a form shown again with its errors, or a table htmx swapped in, is checked too).
 * Serious and critical violations fail the test, naming each rule, the page and the elements; moderate and minor ones
 * are printed in the test output.
 */
final class Accessibility {

    private static final Set<String> FAILING = Set.of("serious", "critical");

    /** Null for what is not an HTML page (a CSV or PDF the browser shows); else the page's kind. */
    private static final String KIND = """
            if (document.contentType !== 'text/html') { return null; }
            const path = location.pathname.split('/').map(s => /\\d/.test(s) ? '{}' : s).join('/');
            const query = Array.from(new URLSearchParams(location.search).keys()).sort().join('&');
            const shows = ['.error-summary', '.notice', '.confirm', 'main table', 'main form']
                .filter(s => document.querySelector(s) !== null).join(' ');
            return path + '?' + query + ' [' + shows + ']';""";

    /** Loaded and no htmx request, swap or settle under way: the page a person would now read. */
    private static final String SETTLED =
            "return document.readyState === 'complete' && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')";

    private final Set<String> checked = new HashSet<>();
    private final AxeBuilder axe;

    Accessibility() {
        AxeRunOptions options = new AxeRunOptions();
        // Passes and inapplicable rules are hundreds of nodes nobody reads; incomplete ones need a person's judgement.
        options.setResultTypes(List.of("violations"));
        // Legacy mode runs axe in the page itself; the default opens a blank tab per run to merge frames' results,
        // and the hub's pages have no frames.
        this.axe = new AxeBuilder().withOptions(options).setLegacyMode(true);
    }

    /** Checks the page shown unless a page of its kind was checked already by this browser. */
    void check(WebDriver driver) {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(script.executeScript(SETTLED)));
        String kind = (String) script.executeScript(KIND);
        if (kind == null || !checked.add(kind)) {
            return;
        }
        Results results = axe.analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        StringBuilder failures = new StringBuilder();
        for (Rule rule : results.getViolations()) {
            if (FAILING.contains(rule.getImpact())) {
                failures.append(describe(rule));
            } else {
                System.out.println("Accessibility (" + rule.getImpact() + ", not failing) on " + kind + ":" + describe(rule));
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("Accessibility: serious or critical axe-core violations on " + driver.getCurrentUrl()
                    + " (" + kind + ")" + failures);
        }
    }

    /** The rule, what it asks, where it is explained, and each element with what is wrong with it. */
    private static String describe(Rule rule) {
        StringBuilder text = new StringBuilder("\n- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ")
                .append(rule.getHelp()).append(" <").append(rule.getHelpUrl()).append(">");
        for (CheckedNode node : rule.getNodes()) {
            text.append("\n    at ").append(node.getTarget()).append(": ").append(node.getHtml())
                    .append("\n       ").append(node.getFailureSummary().replace("\n", "\n       "));
        }
        return text.toString();
    }
}
