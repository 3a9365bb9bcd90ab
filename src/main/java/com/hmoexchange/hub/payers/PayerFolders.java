package com.hmoexchange.hub.payers;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where the payers' folders are ({@code hub.mappings-dir}, HUB_MAPPINGS_DIR): one {@code <code>/payer.yaml} each. */
@Validated
@ConfigurationProperties("hub")
public record PayerFolders(@NotNull Path mappingsDir) {
}
