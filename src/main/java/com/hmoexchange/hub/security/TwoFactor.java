package com.hmoexchange.hub.security;

import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.RuleViolation;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.annotation.PostConstruct;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.commons.codec.binary.Base32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in with an authenticator app (TOTP, RFC 6238) and one-time recovery codes. A user enrols by
 * scanning a new secret and typing a code from it; the secret is stored sealed ({@link TwoFactorSecrets}) and
 * never shown again. A code is accepted one step either side of now (clocks drift), and only once: a code of a
 * step at or before the last one used is refused. Recovery codes are kept as SHA-256 digests and work once.
 */
@Service
public class TwoFactor {

    static final int RECOVERY_CODES = 10;
    private static final Logger log = LoggerFactory.getLogger(TwoFactor.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base32 BASE32 = new Base32();

    private final JdbcTemplate jdbc;
    private final TwoFactorSettings settings;
    private final TwoFactorSecrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Totp totp = Totp.standard();

    TwoFactor(JdbcTemplate jdbc, TwoFactorSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.secrets = new TwoFactorSecrets(settings.secretKey());
        this.events = events;
        this.clock = clock;
    }

    @PostConstruct
    void warnWithoutKey() {
        if (!secrets.encrypts()) {
            log.warn("HUB_TWO_FACTOR_KEY is not set: two-factor secrets are stored unencrypted. Set it (openssl rand -base64 32).");
        }
    }

    /** A secret to scan, not yet confirmed: as text (Base32, in groups of four) and as an otpauth:// address. */
    public record Enrolment(String secret, String uri) {

        /** The secret as people copy it: groups of four letters. */
        public String secretInGroups() {
            return secret.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }

    public boolean isRequired(Role role) {
        return settings.requiredRoles().contains(role);
    }

    /** Whether the user signs in with a code (they turned it on, or it was made for them and confirmed). */
    public boolean isOn(long userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select count(*) > 0 from two_factor where user_id = ? and confirmed_at is not null", Boolean.class, userId));
    }

    /**
     * Whether the user must enrol before anything else: their role requires a code, or an administrator reset theirs,
     * and they have none yet.
     */
    public boolean mustEnrol(HubUser user) {
        return (isRequired(user.role()) || resetPending(user.id())) && !isOn(user.id());
    }

    /**
     * Whether HTTP Basic (a password alone) is refused to this user: they sign in with a code, or will once they set it up
     * again after a reset. Asked at each Basic request, so one query.
     */
    boolean refusesBasic(HubUser user) {
        return !settings.basicForSecondFactorUsers() && (isRequired(user.role()) || Boolean.TRUE.equals(jdbc.queryForObject(
                "select (select count(*) from two_factor where user_id = ? and confirmed_at is not null) "
                        + "+ (select count(*) from two_factor_reset where user_id = ?) > 0", Boolean.class, user.id(), user.id())));
    }

    private boolean resetPending(long userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from two_factor_reset where user_id = ?",
                Boolean.class, userId));
    }

    /** The users among these who sign in with a code (for a list of people). */
    public Set<Long> onAmong(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.queryForList("select user_id from two_factor where confirmed_at is not null and user_id in ("
                + String.join(",", Collections.nCopies(userIds.size(), "?")) + ")", Long.class, userIds.toArray()));
    }

    /**
     * An administrator's reset (the person lost their phone): their secret and recovery codes are deleted, and they set
     * it up again at their next sign-in, whatever their role. Whether {@code by} may do it is the caller's rule.
     */
    @Transactional
    public void reset(long userId, String by) {
        jdbc.update("delete from recovery_code where user_id = ?", userId);
        jdbc.update("delete from two_factor where user_id = ?", userId);
        jdbc.update("delete from two_factor_reset where user_id = ?", userId);
        jdbc.update("insert into two_factor_reset (user_id, reset_at, reset_by) values (?, ?, ?)", userId,
                Timestamp.from(clock.instant()), by);
    }

    /** The user's enrolment under way, or a new one when there is none; refused when two-factor sign-in is on. */
    @Transactional
    public Enrolment enrolment(HubUser user) {
        if (isOn(user.id())) {
            throw new RuleViolation("two-factor-on", "Two-factor sign-in is already on for your account.");
        }
        Optional<byte[]> pending = secretOf(user.id(), false);
        byte[] secret = pending.orElseGet(() -> {
            byte[] fresh = new byte[20];
            RANDOM.nextBytes(fresh);
            jdbc.update("delete from two_factor where user_id = ?", user.id());
            jdbc.update("insert into two_factor (user_id, secret, confirmed_at, last_used_step) values (?, ?, null, 0)",
                    user.id(), secrets.seal(user.id(), fresh));
            return fresh;
        });
        String text = BASE32.encodeToString(secret).replace("=", "");
        String label = URLEncoder.encode(settings.issuer() + ":" + user.username(), StandardCharsets.UTF_8).replace("+", "%20");
        String issuer = URLEncoder.encode(settings.issuer(), StandardCharsets.UTF_8).replace("+", "%20");
        return new Enrolment(text, "otpauth://totp/" + label + "?secret=" + text + "&issuer=" + issuer
                + "&algorithm=SHA1&digits=6&period=30");
    }

    /** The enrolment's address as a QR code (PNG), for the authenticator app to scan. */
    public byte[] enrolmentQrCode(HubUser user) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(enrolment(user).uri(), BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 4));
            int scale = 6;
            BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
                    BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < image.getWidth(); x++) {
                for (int y = 0; y < image.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("The enrolment address does not fit a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Confirms the enrolment with a code from the app: two-factor sign-in is then on, and the user gets their
     * recovery codes, to be shown once.
     */
    @Transactional
    public List<String> confirm(HubUser user, String code) {
        byte[] secret = secretOf(user.id(), false).orElseThrow(() -> new RuleViolation("no-enrolment",
                "Start again: open Two-factor sign-in on your account page and scan the new code."));
        Optional<Long> step = matchingStep(secret, code, 0);
        if (step.isEmpty()) {
            throw new InvalidInput("code", "That code does not match. Type the six digits your app shows now for "
                    + settings.issuer() + " (check that your phone's clock is right).");
        }
        jdbc.update("update two_factor set confirmed_at = ?, last_used_step = ? where user_id = ?",
                Timestamp.from(clock.instant()), step.get(), user.id());
        List<String> codes = newRecoveryCodes(user.id());
        jdbc.update("delete from two_factor_reset where user_id = ?", user.id());
        events.publishEvent(new TwoFactorEnrolled(user.id(), user.username(), true));
        return codes;
    }

    /** Replaces the user's recovery codes with ten new ones (the old ones stop working); shown once. */
    @Transactional
    public List<String> newRecoveryCodes(long userId) {
        jdbc.update("delete from recovery_code where user_id = ?", userId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] bytes = new byte[10];
            RANDOM.nextBytes(bytes);
            String code = BASE32.encodeToString(bytes);
            codes.add(code.replaceAll("(.{4})(?!$)", "$1-"));
            jdbc.update("insert into recovery_code (user_id, code_hash) values (?, ?)", userId, digest(userId, code));
        }
        return codes;
    }

    /**
     * Whether the code (six digits from the app, or a recovery code) lets the user in; a good code is spent. Not
     * counted as a failure here: the caller counts it with the sign-in throttle.
     */
    @Transactional
    public boolean verify(long userId, String code) {
        String given = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (given.matches("[A-Z2-7]{16}")) {
            return jdbc.update("update recovery_code set used_at = ? where user_id = ? and code_hash = ? and used_at is null",
                    Timestamp.from(clock.instant()), userId, digest(userId, given)) == 1;
        }
        Long lastUsed = jdbc.query("select last_used_step from two_factor where user_id = ? and confirmed_at is not null",
                rs -> rs.next() ? rs.getLong(1) : null, userId);
        if (lastUsed == null) {
            return false;
        }
        Optional<byte[]> secret = secretOf(userId, true);
        Optional<Long> step = secret.flatMap(s -> matchingStep(s, given, lastUsed));
        // Spent at once, and only if no other request spent this step or a later one first (another node).
        return step.isPresent() && jdbc.update("update two_factor set last_used_step = ? where user_id = ? and last_used_step < ?",
                step.get(), userId, step.get()) == 1;
    }

    /** Recovery codes not used yet. */
    public int recoveryCodesLeft(long userId) {
        Integer left = jdbc.queryForObject("select count(*) from recovery_code where user_id = ? and used_at is null",
                Integer.class, userId);
        return left == null ? 0 : left;
    }

    /** Turns two-factor sign-in off, given a good code; refused for a role that requires it. */
    @Transactional
    public void turnOff(HubUser user, String code) {
        if (isRequired(user.role())) {
            throw new RuleViolation("two-factor-required", "Your role (" + user.role() + ") must sign in with a code: "
                    + "two-factor sign-in stays on. If you lost your phone, use a recovery code and enrol the new one.");
        }
        if (!verify(user.id(), code)) {
            throw new InvalidInput("code", "That code does not match. Type the six digits your app shows now, or a recovery code.");
        }
        jdbc.update("delete from recovery_code where user_id = ?", user.id());
        jdbc.update("delete from two_factor where user_id = ?", user.id());
        events.publishEvent(new TwoFactorEnrolled(user.id(), user.username(), false));
    }

    /** The step, after {@code after}, of now or one step either side, whose code this is. */
    private Optional<Long> matchingStep(byte[] secret, String code, long after) {
        if (code == null || !code.trim().matches("\\d{6}")) {
            return Optional.empty();
        }
        long now = Totp.step(clock.instant());
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > after && MessageDigest.isEqual(totp.code(secret, Totp.startOf(step)).getBytes(StandardCharsets.US_ASCII),
                    code.trim().getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    private Optional<byte[]> secretOf(long userId, boolean confirmed) {
        return jdbc.query("select secret from two_factor where user_id = ? and confirmed_at is " + (confirmed ? "not null" : "null"),
                rs -> rs.next() ? Optional.of(secrets.open(userId, rs.getString(1))) : Optional.<byte[]>empty(), userId);
    }

    private static String digest(long userId, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((userId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
