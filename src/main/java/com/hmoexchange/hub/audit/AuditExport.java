package com.hmoexchange.hub.audit;

import com.hmoexchange.hub.security.HubUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** The CSV download, shared by the API and the page: written as it is read, whatever its size. */
final class AuditExport {

    private AuditExport() {
    }

    static void write(AuditSearch search, HubUser user, AuditFilter filter, HttpServletResponse response) throws IOException {
        Writer[] out = new Writer[1];
        search.exportCsv(user, filter, () -> {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("audit-log.csv")
                    .build().toString());
            out[0] = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            return out[0];
        });
        out[0].flush();
    }

    /** The filters of an export, for its own audit entry. */
    static String describe(AuditFilter filter) {
        return "actor=" + (filter.actorOrNull() == null ? "any" : filter.actorOrNull()) + " action="
                + (filter.action() == null ? "any" : filter.action()) + " from=" + filter.from() + " to=" + filter.to();
    }
}
