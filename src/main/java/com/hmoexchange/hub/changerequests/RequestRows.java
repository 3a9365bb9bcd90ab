package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.web.Display;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A request's values side by side for a page: one row per field that is part of the change, in words (a practice and
 * a plan by name, a relationship as "Spouse", a day as "2 May 1987").
 */
final class RequestRows {

    record Row(String label, String before, String after, boolean changed) {
    }

    private RequestRows() {
    }

    static List<Row> of(ChangeValues before, ChangeValues after, UnaryOperator<String> practiceName,
            UnaryOperator<String> planName) {
        List<Row> rows = new ArrayList<>();
        add(rows, "Enrollee number", before, after, ChangeValues::enrolleeNumber);
        add(rows, "Principal", before, after, ChangeValues::principalNumber);
        add(rows, "Relationship", before, after, ChangeValues::relationship);
        add(rows, "First name", before, after, ChangeValues::firstName);
        add(rows, "Last name", before, after, ChangeValues::lastName);
        add(rows, "Date of birth", before, after, ChangeValues::dateOfBirth);
        add(rows, "Primary provider", before, after, v -> practiceName.apply(v.primaryProvider()));
        add(rows, "Plan", before, after, v -> planName.apply(v.plan()));
        add(rows, "Cover start", before, after, ChangeValues::coverStart);
        add(rows, "Status", before, after, ChangeValues::status);
        add(rows, "Note", null, after, ChangeValues::note);
        return rows;
    }

    private static void add(List<Row> rows, String label, ChangeValues before, ChangeValues after,
            Function<ChangeValues, Object> field) {
        String was = text(before, field);
        String will = text(after, field);
        if (was != null || will != null) {
            // A field the change leaves alone is not in "after": it stays as it was.
            rows.add(new Row(label, was == null ? "" : was, will == null ? was : will, will != null && !Objects.equals(was, will)));
        }
    }

    private static String text(ChangeValues values, Function<ChangeValues, Object> field) {
        Object value = values == null ? null : field.apply(values);
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate day ? Display.dayOf(day) : value instanceof Enum<?> ? Display.labelOf(value) : value.toString();
    }
}
