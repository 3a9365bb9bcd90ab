package com.hmoexchange.hub.common;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Content that came from outside (a payer's document, a stored message) served as it is: always {@code text/plain}
 * whatever the client asks for, and {@code nosniff} so that no browser renders markup in it as a page.
 */
public final class PlainText {

    private PlainText() {
    }

    public static ResponseEntity<String> of(String content) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff").body(content);
    }
}
