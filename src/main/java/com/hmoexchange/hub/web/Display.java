package com.hmoexchange.hub.web;

import com.hmoexchange.hub.common.Days;
import com.hmoexchange.hub.common.Labelled;
import com.hmoexchange.hub.security.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * How pages and emails show what people read, in one place: money with its currency ("₦4,500.00"), moments in
 * the configured zone in a readable form ("2 Dec 2026, 14:05 WAT"), days ("2 Dec 2026"), and a closed set of
 * values (an enum) as words. Templates use it as {@code @show}; emails call it directly.
 */
@Component("show")
public class Display {

    /** Naira is written with its sign; other currencies with their code ("USD 12.50"). */
    private static final String NAIRA = "NGN";
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.UK);

    /** A qualified Java exception or error class, with the ": " that usually follows it. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    private final ZoneId zone;

    Display(DisplaySettings settings) {
        this.zone = settings.timeZone();
    }

    /** For code outside Spring (and tests): the same forms in the given zone. */
    public static Display in(ZoneId zone) {
        return new Display(new DisplaySettings(zone));
    }

    /** An amount with its currency, two decimals, thousands grouped: "₦4,500.00", "-₦12.50", "USD 3.00"; empty for none. */
    public String money(BigDecimal amount, String currency) {
        return moneyOf(amount, currency);
    }

    /** As {@link #money(BigDecimal, String)}, for code that has no Display at hand (money needs no zone). */
    public static String moneyOf(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        String code = currency == null || currency.isBlank() ? NAIRA : currency.trim().toUpperCase(Locale.ROOT);
        String digits = grouped().format(amount.abs().setScale(2, RoundingMode.HALF_UP));
        String sign = amount.signum() < 0 ? "-" : "";
        return sign + (NAIRA.equals(code) ? "₦" : code + " ") + digits;
    }

    /** An amount in naira, the hub's currency unless a claim says otherwise. */
    public String money(BigDecimal amount) {
        return money(amount, NAIRA);
    }

    /** A moment in the configured zone, to the minute, with the zone's short name: "2 Dec 2026, 14:05 WAT". */
    public String when(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(zone));
    }

    /** A calendar day: "2 Dec 2026". */
    public String day(LocalDate date) {
        return dayOf(date);
    }

    /** A calendar day, for code that has no Display at hand (a day needs no zone). */
    public static String dayOf(LocalDate date) {
        return Days.of(date);
    }

    /** The day of a moment in the configured zone (what a person there calls that day). */
    public String day(Instant instant) {
        return instant == null ? "" : Days.of(instant.atZone(zone).toLocalDate());
    }

    /**
     * A closed value as words: its own label when it has one ({@link Labelled}), otherwise its name in sentence
     * case (IN_REVIEW → "In review"), so no page shows a constant's name.
     */
    public String label(Object value) {
        return labelOf(value);
    }

    /** As {@link #label}, for code that has no Display at hand. */
    public static String labelOf(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Labelled labelled) {
            return labelled.label();
        }
        String name = value instanceof Enum<?> e ? e.name() : value.toString();
        return words(name);
    }

    /** A role kept as its name (the audit log's): its label, or the name in words if it names no role any more. */
    public String role(String name) {
        if (name == null) {
            return "";
        }
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst().map(Role::label).orElse(words(name));
    }

    /** UPPER_SNAKE or kebab-case as a sentence: "CHANGE_PRIMARY_PROVIDER" → "Change primary provider". */
    public static String words(String code) {
        String spaced = code.replace('_', ' ').replace('-', ' ').trim().toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? "" : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /**
     * An error as an operator reads it: the Java class names libraries put in messages taken out
     * ("org.apache.camel.http.base.HttpOperationFailedException: HTTP 500" → "HTTP 500"). The page folds the whole text
     * away under "Technical detail" when {@link #isTechnical} says there was one.
     */
    public String inWords(String error) {
        if (error == null || error.isBlank()) {
            return "";
        }
        String words = CLASS_NAME.matcher(error).replaceAll("").replaceAll("^[\\s:;,.-]+", "").trim();
        return words.isEmpty() ? "The hub could not complete this; the technical detail says why." : words;
    }

    /** Whether the error names a Java class (the detail an operator may pass on, not read). */
    public boolean isTechnical(String error) {
        return error != null && CLASS_NAME.matcher(error).find();
    }

    public ZoneId zone() {
        return zone;
    }

    private static DecimalFormat grouped() {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
    }
}
