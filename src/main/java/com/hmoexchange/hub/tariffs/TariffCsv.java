package com.hmoexchange.hub.tariffs;

import static com.hmoexchange.hub.common.CsvFields.date;
import static com.hmoexchange.hub.common.CsvFields.required;

import com.hmoexchange.hub.common.CsvText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A tariff file: a header with the columns serviceCode, description, unitPrice, validFrom and validTo (any
 * order and case; validTo may be empty), one service a row; UTF-8 or UTF-16 with or without a byte-order mark,
 * CRLF or LF. The download is written in the same columns, so it can be edited and uploaded again.
 */
final class TariffCsv {

    static final List<String> COLUMNS = List.of("serviceCode", "description", "unitPrice", "validFrom", "validTo");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true).setIgnoreEmptyLines(true).setTrim(true).get();

    private TariffCsv() {
    }

    record Row(long line, String serviceCode, String description, BigDecimal unitPrice, LocalDate validFrom, LocalDate validTo) {
    }

    record Refusal(String at, String reason) {
    }

    record Read(List<Row> rows, List<Refusal> refusals) {
    }

    static Read read(byte[] content) {
        List<Row> rows = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        try (CSVParser csv = FORMAT.parse(CsvText.open(new ByteArrayInputStream(content)))) {
            List<String> header = csv.getHeaderNames();
            List<String> missing = COLUMNS.stream().filter(c -> !"validTo".equals(c))
                    .filter(c -> header.stream().noneMatch(h -> h.equalsIgnoreCase(c))).toList();
            List<String> unknown = header.stream().filter(h -> COLUMNS.stream().noneMatch(c -> c.equalsIgnoreCase(h))).toList();
            if (!missing.isEmpty() || !unknown.isEmpty()) {
                refusals.add(new Refusal("line 1", "The header row must name the columns " + String.join(", ", COLUMNS)
                        + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                        + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown)) + ". Nothing was applied."));
                return new Read(rows, refusals);
            }
            Map<String, Long> firstLine = new HashMap<>();
            for (CSVRecord record : csv) {
                long line = record.getRecordNumber() + 1;
                try {
                    Row row = row(line, record);
                    Long first = firstLine.putIfAbsent(row.serviceCode(), line);
                    if (first != null) {
                        throw new IllegalArgumentException("serviceCode " + row.serviceCode() + " is also on line " + first
                                + "; give each service once (a new price is a new upload taking effect from its date)");
                    }
                    rows.add(row);
                } catch (IllegalArgumentException e) {
                    refusals.add(new Refusal("line " + line, e.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            refusals.add(new Refusal("file", "Not a readable CSV file (" + e.getMessage()
                    + "); save it as comma-separated values, UTF-8. Nothing was applied."));
        }
        if (rows.isEmpty() && refusals.isEmpty()) {
            refusals.add(new Refusal("file", "The file has no tariff rows under its header. Nothing was applied."));
        }
        return new Read(rows, refusals);
    }

    private static Row row(long line, CSVRecord r) {
        String code = required(r, "serviceCode");
        if (code.length() > 40) {
            throw new IllegalArgumentException("serviceCode '" + code + "' is longer than 40 characters");
        }
        String description = required(r, "description");
        if (description.length() > 300) {
            throw new IllegalArgumentException("description is longer than 300 characters");
        }
        String priceText = required(r, "unitPrice");
        BigDecimal price;
        try {
            price = new BigDecimal(priceText.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unitPrice '" + priceText + "' is not a number (write it like 5000.00)");
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException("unitPrice " + priceText + " is negative; a price is zero or more");
        }
        if (price.scale() > 2 || price.precision() - price.scale() > 12) {
            throw new IllegalArgumentException("unitPrice " + priceText + " has more than 2 decimals or 12 digits");
        }
        LocalDate from = date(r, "validFrom");
        if (from == null) {
            throw new IllegalArgumentException("validFrom is required (yyyy-mm-dd)");
        }
        LocalDate to = date(r, "validTo");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("validTo " + to + " is before validFrom " + from);
        }
        return new Row(line, code, description, price.setScale(2), from, to);
    }

    static String write(List<Tariff> tariffs) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get().print(out)) {
            for (Tariff t : tariffs) {
                printer.printRecord(t.getServiceCode(), t.getDescription(), t.getUnitPrice().toPlainString(), t.getValidFrom(),
                        t.getValidTo() == null ? "" : t.getValidTo());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
