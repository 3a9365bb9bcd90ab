package com.hmoexchange.hub.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class that drives the running hub's pages in the run's one headless Chromium ({@link Browser#shared}),
 * cleared for the class at its first test.
 */
public abstract class BrowserTest extends ApiTest {

    protected static Browser browser;

    @BeforeEach
    void openBrowser() {
        if (browser == null) {
            browser = Browser.shared(port);
        }
    }

    /** The next class asks for the browser again, so it gets it cleared of this class's sign-ins. */
    @AfterAll
    static void handBackBrowser() {
        browser = null;
    }
}
