package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.claims.ClaimViews.Attachment;
import com.hmoexchange.hub.claims.ClaimViews.Balance;
import com.hmoexchange.hub.claims.ClaimViews.ClaimRow;
import com.hmoexchange.hub.claims.ClaimViews.ClaimView;
import com.hmoexchange.hub.claims.ClaimViews.History;
import com.hmoexchange.hub.claims.ClaimViews.Line;
import com.hmoexchange.hub.claims.ClaimViews.Patient;
import com.hmoexchange.hub.claims.ClaimViews.Payment;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Turns claims into the API's views, with the payer and patient they refer to. */
@Component
class ClaimPresenter {

    private final ClaimRepository claims;
    private final PayerRepository payers;
    private final EnrolleeRepository enrollees;
    private final Clock clock;

    ClaimPresenter(ClaimRepository claims, PayerRepository payers, EnrolleeRepository enrollees, Clock clock) {
        this.claims = claims;
        this.payers = payers;
        this.enrollees = enrollees;
        this.clock = clock;
    }

    ClaimView view(Claim c) {
        Payer payer = payers.findById(c.getPayerId()).orElseThrow();
        Enrollee patient = enrollees.findById(c.getEnrolleeId()).orElseThrow();
        String resubmissionOf = c.getResubmissionOfId() == null ? null
                : claims.findById(c.getResubmissionOfId()).map(Claim::getClaimNumber).orElse(null);
        // Only a rejected claim can have a corrected copy: the others need no look-up.
        String resubmittedAs = c.getId() == null || c.getStatus() != ClaimStatus.REJECTED ? null
                : claims.resubmissionNumbers(c.getId()).stream().findFirst().orElse(null);
        return new ClaimView(c.getId(), c.getClaimNumber(), c.getProviderReference(), payer.getCode(), patient(patient),
                c.getVisitId(), c.getDiagnoses(), c.getPaCode(), c.getStatus(), c.getDecisionReasons(), c.getPaymentStatus(),
                c.isStale(clock.instant()), ClaimViews.Delivery.of(c), resubmissionOf, resubmittedAs,
                c.getStatus() == ClaimStatus.DRAFT ? List.copyOf(c.missingAttachments(payer.getRequiredAttachments())) : List.of(),
                c.getLines().stream().map(Line::of).toList(),
                c.getAttachments().stream().map(Attachment::of).toList(),
                Balance.of(c),
                c.getPayments().stream().map(Payment::of).toList(),
                c.getHistory().stream().map(History::of).toList(),
                c.getCreatedAt(), c.getSubmittedAt(), c.getLastActivityAt(), c.getVersion());
    }

    List<ClaimRow> rows(List<Claim> page) {
        Map<Long, String> payerCodes = payers.findAll().stream().collect(Collectors.toMap(Payer::getId, Payer::getCode));
        Map<Long, Enrollee> patients = enrollees.findAllById(page.stream().map(Claim::getEnrolleeId).distinct().toList())
                .stream().collect(Collectors.toMap(Enrollee::getId, Function.identity()));
        Instant now = clock.instant();
        return page.stream()
                .map(c -> new ClaimRow(c.getId(), c.getClaimNumber(), c.getProviderReference(), payerCodes.get(c.getPayerId()),
                        patient(patients.get(c.getEnrolleeId())), c.getStatus(), c.getPaymentStatus(), c.isStale(now),
                        c.billedAmount(), c.paidAmount(), c.getCurrency(), c.getCreatedAt(), c.getLastActivityAt()))
                .toList();
    }

    private static Patient patient(Enrollee e) {
        return new Patient(e.getEnrolleeNumber(), e.fullName(), e.getDateOfBirth());
    }
}
