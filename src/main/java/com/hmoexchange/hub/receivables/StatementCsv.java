package com.hmoexchange.hub.receivables;

import static com.hmoexchange.hub.common.SpreadsheetCells.defused;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The statement as CSV for a spreadsheet: one row per claim, then the totals. Amounts are plain numbers (so the
 * spreadsheet can add them) under headers that name the currency; every text cell is defused against formulas.
 */
final class StatementCsv {

    private StatementCsv() {
    }

    static void write(Statement s, Writer out) {
        String c = " (" + s.currency() + ")";
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("claim number", "patient (enrollee number)",
                    "service date", "submitted", "billed" + c, "approved" + c, "paid" + c, "outstanding" + c, "age (days)", "status")
                    .get());
            for (Statement.Line l : s.lines()) {
                csv.printRecord(defused(l.claimNumber()), defused(l.patient()), l.serviceDate(), l.submittedOn(), plain(l.billed()),
                        plain(l.approved()), plain(l.paid()), plain(l.outstanding()), l.ageDays(), defused(l.status()));
            }
            Statement.Totals t = s.totals();
            csv.printRecord("Total (" + t.countInWords() + ")", "", "", "", plain(t.billed()), plain(t.approved()), plain(t.paid()),
                    plain(t.outstanding()), "", "");
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }
}
