package com.hmoexchange.hub.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A calendar day as people read it, "2 Dec 2026": for sentences built where no display settings are at hand (an
 * aggregate's refusal). Pages and emails use web/Display, which writes days the same way and times in its zone.
 */
public final class Days {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private Days() {
    }

    /** "2 Dec 2026"; empty for none. */
    public static String of(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }
}
