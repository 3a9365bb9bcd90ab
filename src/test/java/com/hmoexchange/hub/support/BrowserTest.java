package com.hmoexchange.hub.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/** A test class that drives the running hub's pages in one headless Chromium, opened at its first test and closed after its last. */
public abstract class BrowserTest extends ApiTest {

    protected static Browser browser;

    @BeforeEach
    void openBrowser() {
        if (browser == null) {
            browser = new Browser(port);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
