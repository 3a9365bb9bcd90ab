package com.hmoexchange.hub.demo.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * The demo's own settings ({@code hub.demo}, application-demo.yml). The sandbox payers' addresses and logins are
 * the payers' settings (their payer.yaml), read from {@code payers.PayerCatalog} like the hub does.
 *
 * @param dataDir where the sandbox SFTP server keeps its folders and host key (HUB_DATA_DIR)
 */
@Profile("demo")
@Validated
@ConfigurationProperties("hub.demo")
public record SandboxSettings(@NotNull Path dataDir, @Valid @NotNull Mailbox mailbox) {

    /** The demo mailbox's ports (demo/DemoMailbox): the sandbox Crestline sends its answers through its SMTP port. */
    public record Mailbox(@Min(1) int smtpPort, @Min(1) int imapPort) {
    }
}
