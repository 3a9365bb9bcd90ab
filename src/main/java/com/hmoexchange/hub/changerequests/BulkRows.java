package com.hmoexchange.hub.changerequests;

import static com.hmoexchange.hub.common.CsvFields.date;
import static com.hmoexchange.hub.common.CsvFields.enumValue;
import static com.hmoexchange.hub.common.CsvFields.value;

import com.hmoexchange.hub.enrollees.Relationship;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a bulk request file: CSV (UTF-8, comma-separated) with a header row naming the columns
 * {@value #COLUMNS_TEXT}, in any order and case; only {@code kind} is required, the rest as each kind
 * needs (see {@link RequestedChange}). Dates are yyyy-mm-dd. Each data row becomes one request, or a
 * reason it cannot.
 */
final class BulkRows {

    static final String COLUMNS_TEXT = "kind, enrolleeNumber, relationship, firstName, lastName, dateOfBirth, "
            + "primaryProvider, plan, coverStart, note";
    static final Set<String> COLUMNS = Set.of("kind", "enrolleenumber", "relationship", "firstname", "lastname",
            "dateofbirth", "primaryprovider", "plan", "coverstart", "note");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true).setIgnoreEmptyLines(true).setTrim(true).build();

    private BulkRows() {
    }

    /** A data row: its line in the file, and the change it asks for or why it cannot be read. */
    record Row(long line, RequestedChange change, String problem) {
    }

    /** The rows of the file; a file that cannot be read at all is one refused row (line 1) saying why. */
    static List<Row> read(String csv) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))) {
            List<String> unknown = parser.getHeaderNames().stream()
                    .filter(h -> !COLUMNS.contains(h.toLowerCase(Locale.ROOT))).toList();
            if (!parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList().contains("kind") || !unknown.isEmpty()) {
                rows.add(new Row(1, null, "The header row must name the columns " + COLUMNS_TEXT + " (kind is required)"
                        + (unknown.isEmpty() ? "" : "; unknown: " + unknown) + ". No row was taken."));
                return rows;
            }
            for (CSVRecord record : parser) {
                rows.add(row(record));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            rows.add(new Row(1, null, "The file is not readable CSV (" + e.getMessage() + "). No row was taken."));
        }
        return rows;
    }

    private static Row row(CSVRecord r) {
        long line = r.getRecordNumber() + 1; // the header is line 1
        try {
            ChangeKind kind = enumValue(ChangeKind.class, "kind", value(r, "kind"));
            if (kind == null) {
                return new Row(line, null, "kind is required (one of " + Arrays.toString(ChangeKind.values()) + ")");
            }
            return new Row(line, new RequestedChange(kind, value(r, "enrolleeNumber"),
                    enumValue(Relationship.class, "relationship", value(r, "relationship")), value(r, "firstName"),
                    value(r, "lastName"), date(r, "dateOfBirth"), value(r, "primaryProvider"), value(r, "plan"),
                    date(r, "coverStart"), value(r, "note")), null);
        } catch (IllegalArgumentException e) {
            return new Row(line, null, e.getMessage());
        }
    }
}
