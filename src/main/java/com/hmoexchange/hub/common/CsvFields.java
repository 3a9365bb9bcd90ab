package com.hmoexchange.hub.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;

/**
 * The fields of an uploaded CSV row read one way for every file the hub takes (rosters, tariffs, clients' bulk
 * requests): a missing column or a blank cell is no value, and a bad value is refused with the column, the value
 * and how to write it, for the row's report.
 */
public final class CsvFields {

    private CsvFields() {
    }

    /** The cell's text, or null when the column is missing or the cell blank. */
    public static String value(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String value = r.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    public static String required(CSVRecord r, String column) {
        String value = value(r, column);
        if (value == null) {
            throw new IllegalArgumentException(column + " is required");
        }
        return value;
    }

    public static LocalDate date(CSVRecord r, String column) {
        String value = value(r, column);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + " '" + value + "' is not a date; write it as yyyy-mm-dd");
        }
    }

    /** The constant named by the value, whatever its case; null for no value. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(column + " '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
