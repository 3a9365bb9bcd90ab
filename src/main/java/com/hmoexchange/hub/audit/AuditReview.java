package com.hmoexchange.hub.audit;

import com.hmoexchange.hub.security.HubUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Reading the audit log whole (a CSV export, a check of the chain) is itself recorded: one place for API and pages. */
@Component
class AuditReview {

    private final AuditSearch search;
    private final AuditChain chain;
    private final AuditLog audit;

    AuditReview(AuditSearch search, AuditChain chain, AuditLog audit) {
        this.search = search;
        this.chain = chain;
        this.audit = audit;
    }

    void export(HubUser user, AuditFilter filter, HttpServletResponse response) throws IOException {
        AuditExport.write(search, user, filter, response);
        audit.record(AuditAction.AUDIT_EXPORTED, "audit", null, AuditExport.describe(filter));
    }

    AuditChain.Verification verify() {
        AuditChain.Verification result = chain.verify();
        audit.record(AuditAction.AUDIT_VERIFIED, "audit", null, result.intact() ? "intact" : "broken at " + result.brokenAt());
        return result;
    }
}
