package com.hmoexchange.hub.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The check every browser test runs can fail: on pages written here, without the hub (no application context). */
class AccessibilityCheckTests {

    private static Browser browser;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser(0);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void a_field_without_a_label_fails_naming_the_rule_the_page_and_the_element() {
        show("unlabelled", "<main><h1>Find a patient</h1><form><input id='patient'><button>Find</button></form></main>");

        assertThatThrownBy(() -> new Accessibility().check(browser.driver()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("label (critical)")
                .hasMessageContaining("unlabelled")
                .hasMessageContaining("<input id=\"patient\">");
    }

    @Test
    void grey_text_on_white_fails_as_a_serious_contrast_violation() {
        show("faint", "<main><h1>Claims</h1><p style='color:#bbbbbb'>Nothing submitted yet</p></main>");

        assertThatThrownBy(() -> new Accessibility().check(browser.driver()))
                .hasMessageContaining("color-contrast (serious)")
                .hasMessageContaining("Nothing submitted yet");
    }

    @Test
    void a_moderate_violation_is_reported_without_failing() {
        // A heading level skipped (h1 to h3) is moderate: printed in the test output, the test goes on.
        show("skipped-level", "<main><h1>Claims</h1><h3>Drafts</h3><p>None</p></main>");

        assertThatCode(() -> new Accessibility().check(browser.driver())).doesNotThrowAnyException();
    }

    /** A page of its own (the name keeps each one a different kind of page), in English with a title. */
    private static void show(String name, String body) {
        String page = "<!DOCTYPE html><html lang='en'><head><title>" + name + "</title></head><body>" + body + "</body></html>";
        browser.driver().get("data:text/html;charset=utf-8," + URLEncoder.encode(page, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
