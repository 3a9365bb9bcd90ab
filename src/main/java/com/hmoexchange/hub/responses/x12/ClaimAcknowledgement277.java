package com.hmoexchange.hub.responses.x12;

import com.hmoexchange.hub.claims.ClaimStatus;
import com.hmoexchange.hub.responses.ClaimAdjudication;
import com.hmoexchange.hub.responses.Reason;
import com.hmoexchange.hub.responses.UnreadableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One 277CA transaction set: for each patient-level loop (HL03 = PT), the claim it is about (TRN02, the
 * hub's claim number sent as CLM01), the payer's claim number (REF*1K) and the claim status categories in its
 * STC segments: A1 received, A2 accepted into review, A3/A4/A6/A7/A8 refused, with the payer's free text
 * (STC12) when it gives one. Service-line STCs add their reasons to the claim's. Batch-level loops (information source, receiver, provider) carry no claim.
 */
final class ClaimAcknowledgement277 {

    private static final Map<String, String> CATEGORIES = Map.of(
            "A0", "Forwarded to another entity", "A1", "Received", "A2", "Accepted into adjudication",
            "A3", "Returned as unprocessable", "A4", "Not found", "A5", "Split claim",
            "A6", "Rejected for missing information", "A7", "Rejected for invalid information",
            "A8", "Rejected for relational field in error");
    private static final List<String> REFUSALS = List.of("A3", "A4", "A6", "A7", "A8");
    private static final Map<String, String> STATUS_CODES = Map.of(
            "19", "Entity acknowledges receipt of claim/encounter", "20", "Accepted for processing",
            "21", "Missing or invalid information", "562", "Entity's National Provider Identifier (NPI)");
    private static final Map<String, String> ENTITIES = Map.of(
            "85", "billing provider", "82", "rendering provider", "QC", "patient", "IL", "subscriber",
            "PR", "payer", "40", "receiver", "41", "submitter", "77", "service location", "DN", "referring provider");

    private final List<ClaimAdjudication> adjudications = new ArrayList<>();
    private Open open;
    /** A refusal above the claims (the whole batch, a receiver or a provider), kept for a set that names no claim. */
    private String batchRefusal;
    private int batchRefusalAt;

    /** The claim loop being read. */
    private static final class Open {
        final int startedAt;
        String claimNumber = "";
        String payerReference;
        ClaimStatus status;
        String serviceLine;
        final List<Reason> reasons = new ArrayList<>();

        Open(int startedAt) {
            this.startedAt = startedAt;
        }
    }

    List<ClaimAdjudication> read(SegmentReader segments) throws UnreadableResponse {
        for (Segment s = segments.next(); s != null && !s.is("SE"); s = segments.next()) {
            switch (s.tag()) {
                case "HL" -> {
                    close();
                    if ("PT".equals(s.element(3))) {
                        open = new Open(s.number());
                    }
                }
                case "TRN" -> {
                    if (open != null && "2".equals(s.element(1))) {
                        open.claimNumber = s.element(2);
                    }
                }
                case "REF" -> {
                    if (open != null && "1K".equals(s.element(1))) {
                        open.payerReference = s.element(2);
                    }
                }
                case "SVC" -> {
                    if (open != null) {
                        open.serviceLine = s.component(1, 2).isEmpty() ? s.element(1) : s.component(1, 2);
                    }
                }
                case "STC" -> {
                    if (open != null) {
                        status(s, 1);
                        status(s, 10);
                        status(s, 11);
                    } else if (batchRefusal == null && REFUSALS.contains(s.component(1, 1))) {
                        batchRefusal = CATEGORIES.get(s.component(1, 1)) + (s.component(1, 2).isEmpty() ? ""
                                : ": " + STATUS_CODES.getOrDefault(s.component(1, 2), "claim status code " + s.component(1, 2)))
                                + (s.element(12).isEmpty() ? "" : ". " + s.element(12));
                        batchRefusalAt = s.number();
                    }
                }
                default -> {
                }
            }
        }
        close();
        if (adjudications.isEmpty() && batchRefusal != null) {
            // Every claim in the batch was refused, but the payer named none: a person must find them.
            throw new UnreadableResponse(batchRefusalAt, "The payer refused the whole batch (" + batchRefusal
                    + ") without naming its claims; find the claims it carried and resubmit them");
        }
        return adjudications;
    }

    private void status(Segment stc, int position) throws UnreadableResponse {
        String category = stc.component(position, 1);
        if (category.isEmpty()) {
            return;
        }
        ClaimStatus status = switch (category) {
            case "A0", "A1", "A5" -> ClaimStatus.RECEIVED;
            case "A2" -> ClaimStatus.IN_REVIEW;
            case "A3", "A4", "A6", "A7", "A8" -> ClaimStatus.REJECTED;
            default -> throw new UnreadableResponse(stc.number(),
                    "STC category '%s' is not a claim acknowledgement category (A0-A8)".formatted(category));
        };
        String code = stc.component(position, 2);
        String entity = stc.component(position, 3);
        String message = position == 1 ? stc.element(12) : "";
        String text = CATEGORIES.get(category)
                + (code.isEmpty() ? "" : ": " + STATUS_CODES.getOrDefault(code, "claim status code " + code))
                + (entity.isEmpty() ? "" : " (" + ENTITIES.getOrDefault(entity, "entity " + entity) + ")")
                + (message.isEmpty() ? "" : ". " + message);
        if (open.serviceLine != null) {
            text = "Service " + open.serviceLine + ": " + text;
        } else if (open.status == null || status == ClaimStatus.REJECTED) {
            open.status = status; // the claim-level status; a refusal anywhere outweighs the rest
        }
        open.reasons.add(new Reason(category + (code.isEmpty() ? "" : ":" + code), text));
        if (open.serviceLine != null && status == ClaimStatus.REJECTED) {
            open.status = ClaimStatus.REJECTED;
        }
    }

    private void close() throws UnreadableResponse {
        if (open == null) {
            return;
        }
        if (open.claimNumber.isEmpty()) {
            throw new UnreadableResponse(open.startedAt, "Claim loop without TRN*2 (the claim number the hub sent)");
        }
        if (open.status == null) {
            throw new UnreadableResponse(open.startedAt, "Claim %s has no STC status".formatted(open.claimNumber));
        }
        adjudications.add(new ClaimAdjudication(open.claimNumber, open.payerReference, open.status, open.reasons, List.of()));
        open = null;
    }
}
