package com.hmoexchange.hub.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where people reach the hub ({@code hub.public-url}, HUB_PUBLIC_URL): links in emails start with it. */
@ConfigurationProperties("hub")
@Validated
public record PublicAddress(
        @NotBlank(message = "set HUB_PUBLIC_URL to the address people reach the hub at, e.g. https://hub.example.ng")
        @Pattern(regexp = "https?://[^\\s]+", message = "must start with http:// or https:// and hold no spaces (HUB_PUBLIC_URL)")
        String publicUrl) {

    /** The hub's address followed by the path (which starts with a slash). */
    public String link(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }
}
