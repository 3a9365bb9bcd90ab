package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hmoexchange.hub.common.Forbidden;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.responses.ClaimAdjudication;
import com.hmoexchange.hub.responses.NormalisedJson;
import com.hmoexchange.hub.responses.PayerResponse;
import com.hmoexchange.hub.responses.RemittedClaim;
import com.hmoexchange.hub.responses.SetAcknowledgement;
import com.hmoexchange.hub.responses.UnreadableResponse;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exceptions list: what payers said that the hub could not apply by itself. Operators see every
 * payer's; an HMO's admin sees their own payer's. Matching by hand applies the item to the claim the person
 * chose, under the same rules as the payer's own answer (a payment reference once, forward moves only).
 */
@Service
class ExceptionDesk {

    private final PayerExceptionRepository exceptions;
    private final ApplyPayerResponse applyResponse;
    private final PayerRepository payers;
    private final ObjectMapper json;
    private final Clock clock;

    private final AuditLog audit;

    ExceptionDesk(PayerExceptionRepository exceptions, ApplyPayerResponse applyResponse, PayerRepository payers, ObjectMapper json,
            Clock clock, AuditLog audit) {
        this.audit = audit;
        this.exceptions = exceptions;
        this.applyResponse = applyResponse;
        this.payers = payers;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<PayerException> list(HubUser user, PayerException.Status status, String payer, int size) {
        String own = payerOf(user);
        if (own != null && payer != null && !own.equals(payer)) {
            return List.of();
        }
        String scope = own != null ? own : payer;
        Specification<PayerException> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            if (scope != null) {
                where.add(cb.equal(root.get("payerCode"), scope));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        return exceptions.findAll(spec, PageRequest.of(0, Math.max(1, Math.min(size, 500)),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))).getContent();
    }

    @Transactional(readOnly = true)
    PayerException one(HubUser user, long id) {
        return load(user, id);
    }

    @Transactional
    ApplyPayerResponse.Summary match(HubUser user, long id, String claimNumber, String note) {
        if (claimNumber == null || claimNumber.isBlank()) {
            throw new InvalidInput("claimNumber", "Give the claim number the item belongs to.");
        }
        PayerException exception = load(user, id);
        exception.requireOpen();
        String number = claimNumber.trim();
        JsonNode item = read(exception.getItem());
        String by = user.getUsername() + " (exception " + id + ")";
        ApplyPayerResponse.Summary summary = switch (exception.getItemType()) {
            case ANSWER -> {
                ClaimAdjudication a = document("answers", withClaim(item, number)).adjudications().get(0);
                yield applyResponse.applyByHand(exception.getPayerCode(), a, by);
            }
            case PAYMENT -> {
                ObjectNode remittance = json.createObjectNode();
                remittance.put("paymentReference", item.path("paymentReference").asText());
                remittance.set("paymentDate", item.path("paymentDate"));
                remittance.set("total", item.path("claim").path("paid"));
                remittance.set("claims", json.createArrayNode().add(withClaim(item.path("claim"), number)));
                RemittedClaim c = document("remittances", remittance).remittances().get(0).claims().get(0);
                LocalDate date = item.path("paymentDate").isTextual() ? LocalDate.parse(item.path("paymentDate").asText()) : null;
                yield applyResponse.postByHand(exception.getPayerCode(), item.path("paymentReference").asText(), date, c, by);
            }
            case ACKNOWLEDGEMENT -> {
                SetAcknowledgement ack = document("acknowledgements", item).acknowledgements().get(0);
                yield applyResponse.acknowledgeByHand(exception.getPayerCode(), ack, number, by);
            }
            case PREAUTH_ANSWER -> throw new RuleViolation("match-refused", "Exception " + id + " is a payer's answer to a "
                    + "pre-authorisation request, not about a claim: settle it with the payer, then dismiss it with the outcome.");
        };
        if (!summary.problems().isEmpty()) {
            // Nothing of the attempt is kept (the transaction rolls back); the exception stays open.
            throw new RuleViolation("match-refused", "Exception " + id + " cannot be applied to claim " + number + ": "
                    + String.join("; ", summary.problems()));
        }
        load(user, id).matched(number, user.getUsername(), note, clock.instant());
        audit.record(AuditAction.EXCEPTION_MATCHED, "payer-exception", id, "to claim " + number);
        return summary;
    }

    @Transactional
    PayerException dismiss(HubUser user, long id, String reason) {
        PayerException exception = load(user, id);
        exception.dismissed(reason, user.getUsername(), clock.instant());
        audit.record(AuditAction.EXCEPTION_DISMISSED, "payer-exception", id);
        return exception;
    }

    private PayerException load(HubUser user, long id) {
        String own = payerOf(user);
        return exceptions.findById(id).filter(e -> own == null || own.equals(e.getPayerCode()))
                .orElseThrow(() -> new NotFoundException("Exception", id));
    }

    /** An HMO admin's own payer code; null for operators, who see all. */
    private String payerOf(HubUser user) {
        if (user.role() == Role.OPERATOR) {
            return null;
        }
        if (user.role() == Role.HMO_ADMIN) {
            return payers.findById(user.requireHmoPayerId()).orElseThrow().getCode();
        }
        throw new Forbidden("The exceptions list is for the hub's operators and HMO admins.");
    }

    private JsonNode withClaim(JsonNode item, String claimNumber) {
        ObjectNode copy = item.deepCopy();
        copy.put("claimNumber", claimNumber);
        return copy;
    }

    private PayerResponse document(String field, JsonNode item) {
        ObjectNode root = json.createObjectNode();
        root.set(field, json.createArrayNode().add(item));
        try {
            return NormalisedJson.read(root);
        } catch (UnreadableResponse e) {
            throw new IllegalStateException("Stored exception item cannot be read back: " + e.getMessage(), e);
        }
    }

    private JsonNode read(String item) {
        try {
            return json.readTree(item);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored exception item is not JSON", e);
        }
    }
}
