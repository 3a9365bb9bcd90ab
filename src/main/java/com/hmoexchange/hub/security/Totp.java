package com.hmoexchange.hub.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: 30-second steps, HMAC-SHA1, six
 * digits, computed by the java-otp library (tested against the RFC's own vectors in TotpTests).
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);

    private final TimeBasedOneTimePasswordGenerator generator;
    private final String algorithm;

    public Totp(int digits, String algorithm) {
        this.generator = new TimeBasedOneTimePasswordGenerator(STEP, digits, algorithm);
        this.algorithm = algorithm;
    }

    /** What Google Authenticator, Microsoft Authenticator, FreeOTP and the like make by default. */
    public static Totp standard() {
        return new Totp(6, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    }

    /** The code of the time step that holds {@code at}, with its leading zeros. */
    public String code(byte[] secret, Instant at) {
        try {
            int value = generator.generateOneTimePassword(new SecretKeySpec(secret, algorithm), at);
            return String.format("%0" + generator.getPasswordLength() + "d", value);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("Not a usable TOTP secret", e);
        }
    }

    /** The number of the time step that holds {@code at} (RFC 6238's T). */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
    }

    public static Instant startOf(long step) {
        return Instant.ofEpochSecond(step * STEP.getSeconds());
    }
}
