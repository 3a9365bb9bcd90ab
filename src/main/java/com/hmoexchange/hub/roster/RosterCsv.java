package com.hmoexchange.hub.roster;

import static com.hmoexchange.hub.common.CsvFields.date;
import static com.hmoexchange.hub.common.CsvFields.enumValue;
import static com.hmoexchange.hub.common.CsvFields.required;
import static com.hmoexchange.hub.common.CsvFields.value;

import com.hmoexchange.hub.common.CsvText;
import com.hmoexchange.hub.enrollees.Relationship;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a roster CSV: a header naming the columns (any order and case) and one member a row. UTF-8 or
 * UTF-16, with or without a byte-order mark, CRLF or LF. See docs/members-and-tariffs.md for the columns.
 */
final class RosterCsv {

    static final List<String> REQUIRED = List.of("enrolleeNumber", "relationship", "firstName", "lastName", "dateOfBirth",
            "plan", "coverStart");
    static final List<String> OPTIONAL = List.of("action", "principalNumber", "primaryProvider", "coverEnd");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true).setIgnoreEmptyLines(true).setTrim(true).get();

    private RosterCsv() {
    }

    static RosterFile read(InputStream in) {
        List<RosterRow> rows = new ArrayList<>();
        List<RosterFile.Refusal> refusals = new ArrayList<>();
        try (CSVParser csv = FORMAT.parse(CsvText.open(in))) {
            String problem = headerProblem(csv.getHeaderNames());
            if (problem != null) {
                return RosterFile.unreadable(RosterFile.Format.CSV, "line 1", problem);
            }
            for (CSVRecord record : csv) {
                String at = "line " + (record.getRecordNumber() + 1);
                try {
                    rows.add(row(at, record));
                } catch (IllegalArgumentException e) {
                    refusals.add(new RosterFile.Refusal(at, e.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return RosterFile.unreadable(RosterFile.Format.CSV, "file", "Not a readable CSV file (" + e.getMessage()
                    + "); save it as comma-separated values, UTF-8, one member a row. Nothing was applied.");
        }
        return new RosterFile(RosterFile.Format.CSV, rows, refusals);
    }

    private static String headerProblem(List<String> header) {
        Map<String, String> known = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        REQUIRED.forEach(c -> known.put(c, c));
        OPTIONAL.forEach(c -> known.put(c, c));
        List<String> unknown = header.stream().filter(h -> !known.containsKey(h)).toList();
        List<String> missing = REQUIRED.stream().filter(c -> header.stream().noneMatch(h -> h.equalsIgnoreCase(c))).toList();
        if (unknown.isEmpty() && missing.isEmpty()) {
            return null;
        }
        return "The header row must name the columns " + String.join(", ", REQUIRED) + " (and may add "
                + String.join(", ", OPTIONAL) + ")" + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown)) + ". Nothing was applied.";
    }

    private static RosterRow row(String at, CSVRecord r) {
        Maintenance action = enumValue(Maintenance.class, "action", value(r, "action"));
        action = action == null ? Maintenance.ADD : action;
        String number = required(r, "enrolleeNumber");
        if (action == Maintenance.TERMINATE) {
            LocalDate end = date(r, "coverEnd");
            if (end == null) {
                throw new IllegalArgumentException("coverEnd (the last day covered) is required to terminate " + number);
            }
            return new RosterRow(at, action, number, value(r, "principalNumber"), null, null, null, null, null, null, null, end);
        }
        Relationship relationship = enumValue(Relationship.class, "relationship", required(r, "relationship"));
        String principal = value(r, "principalNumber");
        if (relationship == Relationship.SELF && principal != null) {
            throw new IllegalArgumentException("A principal (relationship SELF) has no principalNumber; leave it empty or "
                    + "give the relationship SPOUSE or CHILD");
        }
        if (relationship != Relationship.SELF && principal == null) {
            throw new IllegalArgumentException("A " + relationship + " needs the principalNumber of the member they depend on");
        }
        String plan = value(r, "plan");
        if (relationship == Relationship.SELF && plan == null) {
            throw new IllegalArgumentException("plan is required for a principal (one of your plan codes)");
        }
        LocalDate start = date(r, "coverStart");
        if (start == null) {
            throw new IllegalArgumentException("coverStart is required (yyyy-mm-dd)");
        }
        LocalDate end = date(r, "coverEnd");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("coverEnd " + end + " is before coverStart " + start);
        }
        LocalDate born = date(r, "dateOfBirth");
        if (born == null) {
            throw new IllegalArgumentException("dateOfBirth is required (yyyy-mm-dd)");
        }
        return new RosterRow(at, action, number, principal, relationship, required(r, "firstName"), required(r, "lastName"),
                born, plan, value(r, "primaryProvider"), start, end);
    }
}
