package com.hmoexchange.hub.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** How pages show moments: to the minute, in UTC (what the hub stores and emails say). Used as {@code @when}. */
@Component("when")
public class Dates {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String of(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }
}
