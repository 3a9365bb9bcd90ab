package com.hmoexchange.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The codes the hub computes are RFC 6238's own (Appendix B test vectors: eight digits, each algorithm). */
class TotpTests {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0}")
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void codesAreThoseOfRfc6238AppendixB(long seconds, String sha1, String sha256, String sha512) {
        Instant at = Instant.ofEpochSecond(seconds);
        assertThat(new Totp(8, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1).code(SHA1_SEED, at)).isEqualTo(sha1);
        assertThat(new Totp(8, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA256).code(SHA256_SEED, at)).isEqualTo(sha256);
        assertThat(new Totp(8, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA512).code(SHA512_SEED, at)).isEqualTo(sha512);
    }

    @ParameterizedTest(name = "T = {0}")
    @CsvSource({"59, 287082", "1111111109, 081804", "1234567890, 005924"})
    void theSixDigitCodeOfAnAppIsTheLastSixDigitsWithLeadingZeros(long seconds, String code) {
        assertThat(Totp.standard().code(SHA1_SEED, Instant.ofEpochSecond(seconds))).isEqualTo(code);
    }

    @ParameterizedTest(name = "T = {0}")
    @CsvSource({"59, 1", "60, 2", "1111111109, 37037036"})
    void theTimeStepIsThirtySecondsFrom1970(long seconds, long step) {
        assertThat(Totp.step(Instant.ofEpochSecond(seconds))).isEqualTo(step);
    }
}
