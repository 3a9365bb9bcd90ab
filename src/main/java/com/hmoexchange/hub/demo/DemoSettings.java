package com.hmoexchange.hub.demo;

import com.hmoexchange.hub.people.PasswordRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * The zero-setup demo's settings ({@code hub.demo}, application-demo.yml); bound in the demo profile only.
 *
 * @param password the demo users' password (HUB_DEMO_PASSWORD); the demo users get it through the password rules
 * @param mailbox the sandbox mail server every email of the demo lands in
 */
@ConfigurationProperties("hub.demo")
@Profile("demo")
@Validated
record DemoSettings(@NotBlank(message = "must not be empty (HUB_DEMO_PASSWORD)")
        @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_LENGTH,
                message = "must be 10 to 200 characters, as every password (HUB_DEMO_PASSWORD)") String password,
        @Valid @NotNull Mailbox mailbox) {

    /** The password printed in the start-up banner and the docs; any other is the operator's own and is not logged. */
    static final String PUBLISHED_PASSWORD = "hub-demo-2026";

    boolean publishedPassword() {
        return PUBLISHED_PASSWORD.equals(password);
    }

    /**
     * @param smtpPort where the hub sends its emails (HUB_DEMO_SMTP_PORT)
     * @param imapPort where anyone reads them (HUB_DEMO_IMAP_PORT)
     * @param answersMailbox the address the sandbox Crestline emails its answers to, opened at start so the
     *     hub's poll finds it (CRESTLINE_RESPONSES_IMAP_USER)
     */
    record Mailbox(@Min(1) @Max(65535) int smtpPort, @Min(1) @Max(65535) int imapPort,
            @NotBlank(message = "must not be empty (CRESTLINE_RESPONSES_IMAP_USER)") String answersMailbox) {
    }
}
