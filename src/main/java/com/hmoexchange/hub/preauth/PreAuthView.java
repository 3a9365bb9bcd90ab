package com.hmoexchange.hub.preauth;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request as both sides see it (API and pages). {@code timeLeftSeconds} is the HMO's time left on the clock
 * (null once decided); {@code hmoLiable} marks a deemed authorisation; {@code attachments} the practice's files.
 */
public record PreAuthView(String reference, PreAuthStatus status, Urgency urgency, String enrolleeNumber, String memberName,
        String payerCode, String payerName, String practiceName, List<Service> services, BigDecimal total,
        List<String> diagnoses, String notes, String requestedBy, Instant requestedAt, Instant dueAt, Long timeLeftSeconds,
        Instant remindedAt, String code, LocalDate validFrom, LocalDate validUntil, String decidedBy, Instant decidedAt,
        String decisionReason, String question, String answer, boolean reviewNeeded, boolean hmoLiable,
        String payerReference, List<Attachment> attachments) {

    /** A file the practice sent, with the request or with its answer; {@code contentRemovedAt} once retention took the bytes. */
    public record Attachment(long id, String fileName, String contentType, long sizeBytes, String sha256, boolean withAnswer,
            String uploadedBy, Instant uploadedAt, Instant contentRemovedAt) {
    }

    public record Service(int position, String serviceCode, String description, int quantity, BigDecimal unitPrice,
            BigDecimal amount, Integer approvedQuantity, BigDecimal approvedAmount) {
    }

    /** Time left as people read it: "42 min", "1 h 05 min", "0 min"; empty once decided. */
    public String timeLeft() {
        if (timeLeftSeconds == null) {
            return "";
        }
        long minutes = (timeLeftSeconds + 59) / 60;
        return minutes >= 60 ? (minutes / 60) + " h " + String.format("%02d", minutes % 60) + " min" : minutes + " min";
    }

    public boolean open() {
        return !status.decided();
    }
}
