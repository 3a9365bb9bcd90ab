package com.hmoexchange.hub.receivables;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/** The statement's CSV and PDF downloads, for the API and the pages alike; each download is audited. */
@Component
class StatementDownloads {

    private final AuditLog audit;
    private final Receivables receivables;

    StatementDownloads(AuditLog audit, Receivables receivables) {
        this.audit = audit;
        this.receivables = receivables;
    }

    void csv(Statement statement, HttpServletResponse response) throws IOException {
        record(statement, "csv");
        start(response, "text/csv;charset=UTF-8", statement.fileName("csv"));
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        StatementCsv.write(statement, out);
        out.flush();
    }

    void pdf(Statement statement, HttpServletResponse response) throws IOException {
        record(statement, "pdf");
        start(response, "application/pdf", statement.fileName("pdf"));
        StatementPdf.write(statement, receivables.zone(), response.getOutputStream());
    }

    private void record(Statement s, String format) {
        audit.record(AuditAction.STATEMENT_DOWNLOADED, "statement", s.practiceCode() + "/" + s.payerCode(),
                format + ", claims submitted " + s.period() + ", " + s.totals().claims() + " claims");
    }

    private static void start(HttpServletResponse response, String type, String fileName) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
    }
}
