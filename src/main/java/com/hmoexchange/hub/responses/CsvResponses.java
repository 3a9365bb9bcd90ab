package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.claims.ClaimStatus;
import com.hmoexchange.hub.common.CsvText;
import com.hmoexchange.hub.payers.PayerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A payer's CSV status or remittance file, read through the column mapping in its payer.yaml
 * ({@code responses.csv.columns}: which column holds the claim number, status, line, amounts, reasons) and
 * its status words ({@code responses.csv.statuses}). One row per claim line, or per claim when the line
 * column is empty. A file whose header has the payment reference column is a remittance. Rows are read one
 * at a time; the first row that cannot be read refuses the file, naming the line and the column.
 */
public final class CsvResponses implements ResponseReader {

    /** The hub's fields and the payer's default column names for them. */
    static final List<String> FIELDS = List.of("claimNumber", "payerReference", "status", "line", "approvedQuantity",
            "approvedAmount", "reasonCode", "reasonText", "paymentReference", "paymentDate", "paymentTotal", "kind",
            "charged", "paid", "patientResponsibility");

    private final Map<String, String> columns = new HashMap<>();
    private final Map<String, ClaimStatus> statuses = new HashMap<>();

    /** Refuses a status word that maps to no claim status, naming the word and the statuses allowed. */
    public CsvResponses(PayerSettings.CsvAnswers settings) {
        for (String field : FIELDS) {
            String column = settings.columns().getOrDefault(field, "");
            columns.put(field, column.isBlank() ? field : column);
        }
        for (ClaimStatus status : ClaimStatus.values()) {
            statuses.put(status.name(), status);
        }
        settings.statuses().forEach((word, status) -> {
            try {
                statuses.put(word.trim().toUpperCase(Locale.ROOT), ClaimStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("responses.csv.statuses: " + word + " maps to '" + status
                        + "', which is not one of " + List.of(ClaimStatus.values()));
            }
        });
        List<String> unknown = settings.columns().keySet().stream().filter(f -> !FIELDS.contains(f)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("responses.csv.columns: unknown field(s) " + unknown + "; the hub's fields are " + FIELDS);
        }
    }

    private static final class ClaimRows {
        String payerReference;
        ClaimStatus status;
        BigDecimal patientResponsibility;
        final List<Reason> reasons = new ArrayList<>();
        final List<LineAdjudication> lines = new ArrayList<>();
    }

    private static final class Payment {
        LocalDate date;
        BigDecimal total;
        final Map<String, RemittedRows> claims = new LinkedHashMap<>();
    }

    private static final class RemittedRows {
        String payerReference;
        RemittedClaim.Kind kind;
        BigDecimal charged;
        BigDecimal paid;
        BigDecimal patientResponsibility;
        final List<Adjustment> adjustments = new ArrayList<>();
        final List<RemittedLine> lines = new ArrayList<>();
    }

    /**
     * Reads the file as payers' systems and spreadsheet programs write it: UTF-8 (with or without a byte-order
     * mark) or UTF-16 with its mark, CRLF or LF line ends, empty lines (a trailing one too), quoted fields with
     * commas and line breaks inside.
     */
    @Override
    public PayerResponse read(InputStream in) throws UnreadableResponse {
        CSVParser csv = null;
        try {
            Reader reader = CsvText.open(in);
            csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).get().parse(reader);
            Map<String, Integer> header = new HashMap<>();
            csv.getHeaderNames().forEach(h -> header.put(h.trim().toUpperCase(Locale.ROOT), header.size()));
            require(header, "claimNumber");
            boolean remittance = header.containsKey(column("paymentReference"));
            if (remittance) {
                require(header, "paid");
                require(header, "paymentTotal");
            } else if (!header.containsKey(column("status")) && !header.containsKey(column("approvedAmount"))) {
                throw new UnreadableResponse(1, "The header has neither the status column '" + column("status")
                        + "' nor the approved amount column '" + column("approvedAmount") + "': not a status file.");
            }
            return remittance ? remittance(csv, header) : adjudications(csv, header);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw malformed(e, csv == null ? 0 : csv.getCurrentLineNumber());
        } finally {
            if (csv != null) {
                try {
                    csv.close();
                } catch (IOException e) {
                    // the document is in memory or a file already read to the end: nothing to release
                }
            }
        }
    }

    private static final Pattern AT = Pattern.compile("at line: ([\\d,]+), position: ([\\d,]+)");
    private static final Pattern STARTLINE = Pattern.compile("\\(startline ([\\d,]+)\\)");

    /** What is wrong with a file the CSV parser cannot take, in words, with its line (and column when known). */
    private static UnreadableResponse malformed(Exception e, long currentLine) {
        String message = e.getCause() != null && e instanceof UncheckedIOException ? e.getCause().getMessage() : e.getMessage();
        message = message == null ? "" : message;
        Matcher at = AT.matcher(message);
        Matcher start = STARTLINE.matcher(message);
        if (message.contains("EOF reached before encapsulated token finished") && start.find()) {
            long line = Long.parseLong(start.group(1).replace(",", ""));
            return new UnreadableResponse(line, "Line " + line + ": a quoted field opens (\") but is never closed; "
                    + "close the quote, or double a quote that belongs to the text (\"\").", e);
        }
        if (message.contains("Invalid character between encapsulated token and delimiter") && at.find()) {
            long line = Long.parseLong(at.group(1).replace(",", ""));
            return new UnreadableResponse(line, "Line " + line + ", character " + at.group(2) + ": text follows a closing quote; "
                    + "after a quoted field comes a comma or the end of the line (double a quote that belongs to the text).", e);
        }
        if (message.startsWith("A header name is missing") || message.startsWith("The header contains a duplicate name")) {
            return new UnreadableResponse(1, "Line 1 (the header): " + (message.startsWith("A header name is missing")
                    ? "a column has no name; name every column." : "two columns have the same name; name each column once."), e);
        }
        long line = Math.max(currentLine, 1);
        return new UnreadableResponse(line, "Line " + line + ": not a readable CSV file (" + (e instanceof IOException
                || e instanceof UncheckedIOException ? "the file cannot be read to its end" : "the rows do not fit the header")
                + "); save it as comma-separated values, UTF-8 or UTF-16.", e);
    }

    private PayerResponse adjudications(CSVParser csv, Map<String, Integer> header) throws UnreadableResponse {
        Map<String, ClaimRows> claims = new LinkedHashMap<>();
        for (CSVRecord row : csv) {
            long line = csv.getCurrentLineNumber();
            String claimNumber = required(row, header, "claimNumber", line);
            ClaimRows rows = claims.computeIfAbsent(claimNumber, k -> new ClaimRows());
            rows.payerReference = first(rows.payerReference, value(row, header, "payerReference"));
            String word = value(row, header, "status");
            if (word != null) {
                ClaimStatus status = statuses.get(word.toUpperCase(Locale.ROOT));
                if (status == null || status == ClaimStatus.DRAFT || status == ClaimStatus.SUBMITTED) {
                    throw new UnreadableResponse(line, "Column " + column("status") + ": unknown status '" + word
                            + "'; known: " + statuses.keySet().stream().sorted().toList() + ".");
                }
                rows.status = rows.status == null ? status : rows.status;
            }
            Reason reason = reason(row, header);
            Integer sequence = integer(row, header, "line", line);
            BigDecimal patient = amount(row, header, "patientResponsibility", line);
            if (sequence == null) {
                if (reason != null) {
                    rows.reasons.add(reason);
                }
                rows.patientResponsibility = patient == null ? rows.patientResponsibility : patient;
            } else {
                rows.lines.add(new LineAdjudication(sequence, integer(row, header, "approvedQuantity", line),
                        amount(row, header, "approvedAmount", line), reason == null ? List.of() : List.of(reason), patient));
            }
        }
        List<ClaimAdjudication> adjudications = new ArrayList<>(claims.size());
        claims.forEach((number, rows) -> adjudications.add(new ClaimAdjudication(number, rows.payerReference, rows.status, rows.reasons,
                rows.lines, rows.patientResponsibility)));
        return PayerResponse.ofAdjudications(adjudications);
    }

    private PayerResponse remittance(CSVParser csv, Map<String, Integer> header) throws UnreadableResponse {
        Map<String, Payment> payments = new LinkedHashMap<>();
        for (CSVRecord row : csv) {
            long line = csv.getCurrentLineNumber();
            String reference = required(row, header, "paymentReference", line);
            Payment payment = payments.computeIfAbsent(reference, k -> new Payment());
            BigDecimal total = amount(row, header, "paymentTotal", line);
            if (total == null) {
                throw new UnreadableResponse(line, "Column " + column("paymentTotal") + " is empty.");
            }
            if (payment.total != null && payment.total.compareTo(total) != 0) {
                throw new UnreadableResponse(line, "Column " + column("paymentTotal") + ": payment " + reference
                        + " has total " + total + " here but " + payment.total + " on an earlier row.");
            }
            payment.total = total;
            payment.date = payment.date != null ? payment.date : date(row, header, "paymentDate", line);
            String claimNumber = required(row, header, "claimNumber", line);
            RemittedRows claim = payment.claims.computeIfAbsent(claimNumber, k -> new RemittedRows());
            claim.payerReference = first(claim.payerReference, value(row, header, "payerReference"));
            BigDecimal paid = amount(row, header, "paid", line);
            if (paid == null) {
                throw new UnreadableResponse(line, "Column " + column("paid") + " is empty.");
            }
            BigDecimal charged = amount(row, header, "charged", line);
            String kind = value(row, header, "kind");
            if (kind != null) {
                try {
                    claim.kind = RemittedClaim.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new UnreadableResponse(line, "Column " + column("kind") + ": '" + kind
                            + "' is not one of PROCESSED, DENIED, REVERSAL.");
                }
            }
            Reason reason = reason(row, header);
            Integer sequence = integer(row, header, "line", line);
            claim.paid = claim.paid == null ? paid : claim.paid.add(paid);
            claim.charged = charged == null ? claim.charged : claim.charged == null ? charged : claim.charged.add(charged);
            BigDecimal patient = amount(row, header, "patientResponsibility", line);
            List<Adjustment> adjustments = reason == null || charged == null || charged.compareTo(paid) == 0 ? List.of()
                    : List.of(adjustment(reason.code(), charged.subtract(paid)));
            if (sequence == null) {
                if (patient != null) {
                    claim.patientResponsibility = claim.patientResponsibility == null ? patient : claim.patientResponsibility.add(patient);
                }
                claim.adjustments.addAll(adjustments);
            } else {
                claim.lines.add(new RemittedLine(sequence, null, List.of(), null, charged, paid,
                        integer(row, header, "approvedQuantity", line), patient, adjustments));
            }
        }
        List<Remittance> remittances = new ArrayList<>();
        payments.forEach((reference, p) -> {
            List<RemittedClaim> claims = new ArrayList<>();
            p.claims.forEach((number, c) -> claims.add(new RemittedClaim(number, c.payerReference,
                    c.kind != null ? c.kind : c.paid.signum() < 0 ? RemittedClaim.Kind.REVERSAL
                            : c.paid.signum() == 0 ? RemittedClaim.Kind.DENIED : RemittedClaim.Kind.PROCESSED,
                    c.charged, c.paid, c.patientResponsibility, c.adjustments, c.lines)));
            remittances.add(new Remittance(reference, p.date, p.total, BigDecimal.ZERO, claims));
        });
        return new PayerResponse(List.of(), remittances, List.of());
    }

    private String column(String field) {
        return columns.get(field).toUpperCase(Locale.ROOT);
    }

    private void require(Map<String, Integer> header, String field) throws UnreadableResponse {
        if (!header.containsKey(column(field))) {
            throw new UnreadableResponse(1, "The header has no column '" + columns.get(field) + "' (" + field
                    + "); it has " + header.keySet() + ".");
        }
    }

    private String value(CSVRecord row, Map<String, Integer> header, String field) {
        Integer index = header.get(column(field));
        if (index == null || index >= row.size()) {
            return null;
        }
        String value = row.get(index);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private String required(CSVRecord row, Map<String, Integer> header, String field, long line) throws UnreadableResponse {
        String value = value(row, header, field);
        if (value == null) {
            throw new UnreadableResponse(line, "Column " + columns.get(field) + " is empty.");
        }
        return value;
    }

    private Reason reason(CSVRecord row, Map<String, Integer> header) {
        String code = value(row, header, "reasonCode");
        String text = value(row, header, "reasonText");
        return code == null && text == null ? null : new Reason(code, text);
    }

    private static final Pattern GROUPED = Pattern.compile("(CO|PR|OA|PI)-(\\S+)", Pattern.CASE_INSENSITIVE);

    /**
     * What the row did not pay, and why. A reason code written with its X12 group (CO-45, PR-3) says who bears
     * it, as an 835's CAS does; any other code says why, not who owes it, so the adjustment has no group (the
     * patientResponsibility column then says what is the patient's).
     */
    private static Adjustment adjustment(String code, BigDecimal unpaid) {
        Matcher grouped = code == null ? null : GROUPED.matcher(code.trim());
        return grouped != null && grouped.matches()
                ? new Adjustment(Adjustment.Group.of(grouped.group(1)), grouped.group(2), unpaid)
                : new Adjustment(null, code, unpaid);
    }

    private Integer integer(CSVRecord row, Map<String, Integer> header, String field, long line) throws UnreadableResponse {
        String value = value(row, header, field);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new UnreadableResponse(line, "Column " + columns.get(field) + ": '" + value + "' is not a whole number.");
        }
    }

    private BigDecimal amount(CSVRecord row, Map<String, Integer> header, String field, long line) throws UnreadableResponse {
        String value = value(row, header, field);
        BigDecimal amount;
        try {
            amount = value == null ? null : new BigDecimal(value.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UnreadableResponse(line, "Column " + columns.get(field) + ": '" + value + "' is not an amount.");
        }
        String problem = Amounts.problem(amount);
        if (problem != null) {
            throw new UnreadableResponse(line, "Column " + columns.get(field) + ": '" + value + "' " + problem + ".");
        }
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private LocalDate date(CSVRecord row, Map<String, Integer> header, String field, long line) throws UnreadableResponse {
        String value = value(row, header, field);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnreadableResponse(line, "Column " + columns.get(field) + ": '" + value + "' is not a date (yyyy-mm-dd).");
        }
    }

    private static String first(String current, String candidate) {
        return current != null ? current : candidate;
    }
}
