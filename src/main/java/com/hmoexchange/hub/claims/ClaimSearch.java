package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.claims.ClaimViews.ClaimRow;
import com.hmoexchange.hub.claims.ClaimViews.Page;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.providers.HmoModuleGate;
import com.hmoexchange.hub.security.HubUser;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The claims list of a practice, filtered the ways billing staff look for claims. */
@Service
class ClaimSearch {

    private static final Set<ClaimStatus> AWAITING_PAYER = EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.RECEIVED,
            ClaimStatus.IN_REVIEW);

    private final ClaimRepository claims;
    private final PayerRepository payers;
    private final EnrolleeRepository enrollees;
    private final HmoModuleGate hmoModule;
    private final ClaimPresenter presenter;
    private final Clock clock;

    ClaimSearch(ClaimRepository claims, PayerRepository payers, EnrolleeRepository enrollees, HmoModuleGate hmoModule,
            ClaimPresenter presenter, Clock clock) {
        this.claims = claims;
        this.payers = payers;
        this.enrollees = enrollees;
        this.hmoModule = hmoModule;
        this.presenter = presenter;
        this.clock = clock;
    }

    /** Filters; each one left null does not filter. Dates are the days the claims were created (UTC). */
    record Filter(List<ClaimStatus> status, String payer, String enrolleeNumber, LocalDate from, LocalDate to,
            String providerReference, String claimNumber, Boolean stale) {
    }

    @Transactional(readOnly = true)
    Page<ClaimRow> search(HubUser user, Filter filter, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidInput("size", "page must be 0 or more and size between 1 and 200.");
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw new InvalidInput("to", "'to' (" + filter.to() + ") is before 'from' (" + filter.from() + ").");
        }
        long providerId = hmoModule.requireEnabled(user.requireProviderId()).getId();
        Long payerId = filter.payer() == null ? null : payers.findByCode(filter.payer())
                .orElseThrow(() -> new InvalidInput("payer", "No payer has code '" + filter.payer() + "'.")).getId();
        Long enrolleeId = filter.enrolleeNumber() == null ? null : enrollees.findByEnrolleeNumber(filter.enrolleeNumber())
                .map(e -> e.getId()).orElse(-1L);
        var found = claims.findAll(matching(providerId, payerId, enrolleeId, filter),
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        return new Page<>(presenter.rows(found.getContent()), page, size, found.getTotalElements(), found.getTotalPages());
    }

    private Specification<Claim> matching(long providerId, Long payerId, Long enrolleeId, Filter f) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("providerId"), providerId));
            if (f.status() != null && !f.status().isEmpty()) {
                where.add(root.get("status").in(f.status()));
            }
            if (payerId != null) {
                where.add(cb.equal(root.get("payerId"), payerId));
            }
            if (enrolleeId != null) {
                where.add(cb.equal(root.get("enrolleeId"), enrolleeId));
            }
            if (f.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), f.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            if (f.to() != null) {
                where.add(cb.lessThan(root.get("createdAt"), f.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            if (f.providerReference() != null) {
                where.add(cb.equal(root.get("providerReference"), f.providerReference()));
            }
            if (f.claimNumber() != null) {
                where.add(cb.equal(root.get("claimNumber"), f.claimNumber()));
            }
            if (Boolean.TRUE.equals(f.stale())) {
                where.add(root.get("status").in(AWAITING_PAYER));
                where.add(cb.lessThan(root.get("staleAfter"), clock.instant()));
            } else if (Boolean.FALSE.equals(f.stale())) {
                where.add(cb.or(root.get("status").in(AWAITING_PAYER).not(), cb.isNull(root.get("staleAfter")),
                        cb.greaterThanOrEqualTo(root.get("staleAfter"), clock.instant())));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
