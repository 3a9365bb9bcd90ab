package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.Problems;
import com.hmoexchange.hub.common.RuleViolation;
import java.net.URI;
import java.util.List;

/**
 * What became of each claim of one "submit these claims" request, in the order asked: submitted, or
 * refused with the problem type, code and message that submitting it alone would have answered.
 */
public record Submissions(List<Submitted> submitted, List<Refused> refused) {

    /** A claim that left for its payer (its outbox event is written). */
    public record Submitted(long claimId, String claimNumber, ClaimStatus status) {
    }

    /**
     * A claim left as it was, and why. {@code claimNumber} is null for an id the practice has no claim
     * with (another practice's claim included); {@code missingAttachments} names what the payer still needs.
     */
    public record Refused(long claimId, String claimNumber, URI type, String code, String detail,
            List<String> missingAttachments) {

        static Refused notFound(long claimId) {
            return new Refused(claimId, null, Problems.type("not-found"), "not-found",
                    new NotFoundException("Claim", claimId).getMessage(), List.of());
        }

        static Refused of(Claim claim, RuleViolation refusal) {
            List<String> missing = refusal instanceof MissingAttachments m ? m.names() : List.of();
            return new Refused(claim.getId(), claim.getClaimNumber(), Problems.type(refusal.code()), refusal.code(),
                    refusal.getMessage(), missing);
        }
    }
}
