package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.payers.PayerCatalog;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * How a payer's callback proves it is the payer's: HMAC-SHA256 over {@code <timestamp>.<body>} with the payer's
 * secret (from the environment, named in its payer.yaml as {@code responses.callback.secret}), and a timestamp
 * close to the hub's clock, so a captured call cannot be replayed later. While a payer rotates its secret, the
 * previous one ({@code responses.callback.previous-secret}) is accepted too, so neither side needs downtime.
 */
@Component
public class CallbackSignatures {

    public static final String TIMESTAMP = "X-Hub-Timestamp";
    public static final String SIGNATURE = "X-Hub-Signature";

    private final PayerCatalog catalog;
    private final Clock clock;
    private final long windowSeconds;

    CallbackSignatures(PayerCatalog catalog, Clock clock, ResponseIntakeSettings settings) {
        this.catalog = catalog;
        this.clock = clock;
        this.windowSeconds = settings.callbackWindowSeconds();
    }

    /** The {@value #SIGNATURE} header a payer sends: {@code sha256=<hex>}. */
    public static String header(String secret, String timestamp, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(sign(secret, timestamp, body));
    }

    /** Why the call is refused, or null when it is the payer's: known payer, secret set, fresh timestamp, right signature. */
    public String refusal(String code, String timestamp, String signature, byte[] body) {
        List<String> secrets = catalog.has(code) ? catalog.settings(code).responses().callbackSecrets() : List.of();
        if (secrets.isEmpty()) {
            return "Payer '" + code + "' does not send callbacks to this hub.";
        }
        if (timestamp == null || signature == null) {
            return "Sign the call: send " + TIMESTAMP + " and " + SIGNATURE + ".";
        }
        long at;
        try {
            at = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return TIMESTAMP + " must be Unix time in seconds.";
        }
        if (Math.abs(clock.instant().getEpochSecond() - at) > windowSeconds) {
            return TIMESTAMP + " is more than " + windowSeconds + " s from the hub's clock: sign each call when you send it.";
        }
        String given = signature.trim().toLowerCase(Locale.ROOT);
        byte[] actual;
        try {
            actual = HexFormat.of().parseHex(given.startsWith("sha256=") ? given.substring(7) : given);
        } catch (IllegalArgumentException e) {
            return SIGNATURE + " must be sha256=<hex>.";
        }
        for (String secret : secrets) {
            if (MessageDigest.isEqual(sign(secret, timestamp.trim(), body), actual)) {
                return null;
            }
        }
        return "The signature does not match the body.";
    }

    /** HMAC-SHA256 of {@code <timestamp>.<body>} with the payer's secret. */
    static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
