package com.hmoexchange.hub.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.claims.BenefitUse;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.eligibility.EligibilityView.ServiceView;
import com.hmoexchange.hub.eligibility.CoverAnswer.Benefit;
import com.hmoexchange.hub.enrollees.BenefitLimit;
import com.hmoexchange.hub.enrollees.BenefitPlan;
import com.hmoexchange.hub.enrollees.BenefitPlanRepository;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.enrollees.EnrolleeStatus;
import com.hmoexchange.hub.organisations.Contracts;
import com.hmoexchange.hub.organisations.NoCurrentContract;
import com.hmoexchange.hub.payers.EligibilitySection;
import com.hmoexchange.hub.payers.EligibilitySection.Source;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.payers.PayerSettings;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.Display;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Is this member covered on this day, and for what: asked by a practice's staff for a member of a payer it has a
 * current contract with, answered from the hub's roster ({@code local}) or by the payer over its channel
 * ({@code fhir}, {@code jsonata}, {@code x12}). A payer's answer is reused while younger than its {@code cacheFor}; when the payer cannot be
 * reached the check shows its last known answer about the member, with its age. Every check is recorded (the table
 * doubles as the cache, shared by all nodes) and audited as a look-up of the member; refusals are audited too.
 *
 * <p>Not transactional on purpose: the payer is asked outside any transaction, and a refusal's audit entry stays.
 */
@Service
public class EligibilityChecks {

    /** "Today" for a check is Lagos's day, whatever the server's zone. */
    static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");
    private static final Pattern SERVICE_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final int MAX_SERVICES = 20;

    private final EnrolleeRepository enrollees;
    private final BenefitPlanRepository plans;
    private final PayerRepository payers;
    private final PayerCatalog catalog;
    private final ProviderRepository providers;
    private final Contracts contracts;
    private final EligibilityCheckRepository checks;
    private final EligibilityChannel channel;
    private final AuditLog audit;
    private final MeterRegistry meters;
    private final ObjectMapper json;
    private final Clock clock;
    private final BenefitUse benefitUse;
    private final String currency;

    EligibilityChecks(EnrolleeRepository enrollees, BenefitPlanRepository plans, PayerRepository payers, PayerCatalog catalog,
            ProviderRepository providers, Contracts contracts, EligibilityCheckRepository checks, EligibilityChannel channel,
            AuditLog audit, MeterRegistry meters, ObjectMapper json, Clock clock, BenefitUse benefitUse,
            @Value("${hub.currency:NGN}") String currency) {
        this.benefitUse = benefitUse;
        this.currency = currency;
        this.enrollees = enrollees;
        this.plans = plans;
        this.payers = payers;
        this.catalog = catalog;
        this.providers = providers;
        this.contracts = contracts;
        this.checks = checks;
        this.channel = channel;
        this.audit = audit;
        this.meters = meters;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Checks a member's cover. Refused before anything is asked: a blank or unknown enrollee number or a malformed
     * service code (InvalidInput, 422), a member of a payer the practice has no contract with on the day (409). An unknown
     * number and a payer without a contract are recorded as REFUSED checks too, so the practice's list shows them.
     * Cover that ended or has not started is an answer, not a refusal.
     */
    public EligibilityView check(HubUser user, String enrolleeNumber, LocalDate date, List<String> serviceCodes) {
        long providerId = user.requireProviderId();
        if (enrolleeNumber == null || enrolleeNumber.isBlank()) {
            throw new InvalidInput("enrolleeNumber", "Give the enrollee number as on the member's card.");
        }
        List<String> codes = serviceCodes(serviceCodes);
        String number = enrolleeNumber.trim();
        LocalDate day = date == null ? today() : date;
        Optional<Enrollee> found = enrollees.findByEnrolleeNumber(number);
        if (found.isEmpty()) {
            audit.record(AuditAction.MEMBER_LOOKED_UP, "enrollee", number, "eligibility check: not found");
            InvalidInput refusal = new InvalidInput("enrolleeNumber", "No member has enrollee number '" + number + "' on any "
                    + "HMO's roster in the hub. Check the number on the card; if it is right, ask the HMO whether the member is enrolled.");
            checks.save(EligibilityCheck.refused(clock.instant(), user.getUsername(), providerId, null, null, number, day, codes,
                    "no member has this enrollee number on any HMO's roster in the hub"));
            throw refusal;
        }
        Enrollee member = found.get();
        try {
            contracts.requireCurrent(providerId, member.getPayerId(), day);
        } catch (NoCurrentContract e) {
            audit.record(AuditAction.MEMBER_LOOKED_UP, "enrollee", number, "eligibility check: not contracted");
            checks.save(EligibilityCheck.refused(clock.instant(), user.getUsername(), providerId, member.getPayerId(),
                    member.getId(), member.getEnrolleeNumber(), day, codes, "the practice has no current contract with "
                    + payers.findById(member.getPayerId()).map(Payer::getName).orElse("the member's HMO") + " on "
                    + Display.dayOf(day)));
            throw e;
        }
        Payer payer = payers.findById(member.getPayerId()).orElseThrow();
        PayerSettings settings = catalog.settings(payer.getCode());
        EligibilitySection rules = settings.eligibility();
        Instant now = clock.instant();
        EligibilityCheck check = switch (rules.source()) {
            case LOCAL -> record(user, providerId, payer, member, day, codes, rules.source(), local(member, day), false, null, now);
            case FHIR, JSONATA, X12 -> askPayer(user, providerId, payer, member, day, codes, rules, now);
        };
        audit.record(AuditAction.MEMBER_LOOKED_UP, "enrollee", number, "eligibility check: " + check.getOutcome()
                + " (" + rules.source().name().toLowerCase(java.util.Locale.ROOT) + (check.isFromCache() ? ", from cache" : "")
                + (check.payerReached() ? "" : ", payer unreachable") + ")");
        meters.counter("hub.eligibility.checks", "payer", payer.getCode(), "source", rules.source().name().toLowerCase(
                java.util.Locale.ROOT), "outcome", check.getOutcome().name(), "answer", answerKind(check)).increment();
        return view(check);
    }

    /**
     * Recent checks, newest first: a practice's staff see their practice's, an HMO's admins those made against their
     * payer; narrowed to one member when an enrollee number is given.
     */
    public List<EligibilityView> recent(HubUser user, String enrolleeNumber, int size) {
        PageRequest page = PageRequest.of(0, Math.max(1, Math.min(size, 200)));
        String number = enrolleeNumber == null || enrolleeNumber.isBlank() ? null : enrolleeNumber.trim();
        List<EligibilityCheck> found;
        if (user.providerId() != null) {
            long providerId = user.requireProviderId();
            found = number == null ? checks.findByProviderIdOrderByCheckedAtDesc(providerId, page)
                    : checks.findByProviderIdAndEnrolleeNumberOrderByCheckedAtDesc(providerId, number, page);
        } else {
            long payerId = user.requireHmoPayerId();
            found = number == null ? checks.findByPayerIdOrderByCheckedAtDesc(payerId, page)
                    : checks.findByPayerIdAndEnrolleeNumberOrderByCheckedAtDesc(payerId, number, page);
        }
        return found.stream().map(this::view).toList();
    }

    /** One check, if it is the user's practice's (or made against the user's HMO). */
    public EligibilityView one(HubUser user, long id) {
        EligibilityCheck check = checks.findById(id).filter(c -> user.providerId() != null
                ? c.getProviderId() == user.providerId() : Long.valueOf(user.requireHmoPayerId()).equals(c.getPayerId()))
                .orElseThrow(() -> new NotFoundException("Eligibility check", id));
        return view(check);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(LAGOS));
    }

    // ---- answering ------------------------------------------------------------------------------

    /**
     * The hub's roster: the member's cover period and status, and their plan with its annual limits, each with what the
     * member's approved claims used of it in the plan year of the day.
     */
    private CoverAnswer local(Enrollee member, LocalDate day) {
        Optional<BenefitPlan> plan = member.getPlanId() == null ? Optional.empty() : plans.findById(member.getPlanId());
        String reason = null;
        if (member.getStatus() == EnrolleeStatus.SUSPENDED) {
            reason = "the HMO has suspended the member's cover";
        } else if (day.isBefore(member.getCoverStart())) {
            reason = "cover has not started: it starts on " + Display.dayOf(member.getCoverStart());
        } else if (member.getCoverEnd() != null && day.isAfter(member.getCoverEnd())) {
            reason = "cover ended on " + Display.dayOf(member.getCoverEnd());
        }
        List<BenefitLimit> limits = plan.map(BenefitPlan::limits).orElse(List.of());
        List<Benefit> benefits = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!limits.isEmpty()) {
            PlanYear year = PlanYear.of(member, day);
            for (BenefitLimit limit : limits) {
                BigDecimal used = benefitUse.approved(member.getId(), limit.getServicePrefix(), year.from(), year.to());
                benefits.add(new Benefit(limit.getLabel() + " (" + limit.getServicePrefix() + ")", limit.getAnnualAmount(), used,
                        limit.getAnnualAmount().subtract(used).max(BigDecimal.ZERO), currency));
            }
            notes.add("Limits are per plan year, " + Display.dayOf(year.from()) + " to " + Display.dayOf(year.to())
                    + "; used is what the HMO approved on the "
                    + "member's claims for services in it.");
        }
        return new CoverAnswer(reason == null, reason, plan.map(BenefitPlan::getName).orElse(null), member.getCoverStart(),
                member.getCoverEnd(), benefits, notes);
    }

    /** The plan year a day falls in, over which a limit is counted. */
    record PlanYear(LocalDate from, LocalDate to) {

        /** The member's cover period when it has an end and lasts at most a year (366 days), else the calendar year of the day. */
        static PlanYear of(Enrollee member, LocalDate day) {
            LocalDate start = member.getCoverStart();
            LocalDate end = member.getCoverEnd();
            if (end != null && !end.isBefore(start) && !end.isAfter(start.plusDays(365))) {
                return new PlanYear(start, end);
            }
            return new PlanYear(day.withDayOfYear(1), day.withDayOfYear(day.lengthOfYear()));
        }
    }

    private EligibilityCheck askPayer(HubUser user, long providerId, Payer payer, Enrollee member, LocalDate day,
            List<String> codes, EligibilitySection rules, Instant now) {
        Optional<EligibilityCheck> fresh = checks.findFirstByPayerIdAndEnrolleeIdAndServiceDateAndServiceCodesAndPayerProblemIsNullAndFromCacheFalseAndAnsweredAtGreaterThanEqualOrderByAnsweredAtDesc(
                payer.getId(), member.getId(), day, EligibilityCheck.key(codes), now.minus(rules.cacheFor()));
        if (fresh.isPresent()) {
            EligibilityCheck earlier = fresh.get();
            return checks.save(new EligibilityCheck(now, user.getUsername(), providerId, payer.getId(), member.getId(),
                    member.getEnrolleeNumber(), day, codes, rules.source(), earlier.getOutcome(), true, null, earlier.getAnsweredAt(), earlier.getAnswer()));
        }
        Provider practice = providers.findById(providerId).orElseThrow();
        PayerQuestion question = new PayerQuestion("EL-" + UUID.randomUUID(), now,
                member.getEnrolleeNumber(), day, codes, practice.getCode(), practice.getName(), payer.getCode(), payer.getName());
        try {
            return record(user, providerId, payer, member, day, codes, rules.source(), channel.ask(rules, question), false, null, now);
        } catch (PayerUnreachable e) {
            Optional<EligibilityCheck> last = checks.findFirstByPayerIdAndEnrolleeIdAndPayerProblemIsNullAndAnswerIsNotNullOrderByAnsweredAtDesc(
                    payer.getId(), member.getId());
            return checks.save(new EligibilityCheck(now, user.getUsername(), providerId, payer.getId(), member.getId(),
                    member.getEnrolleeNumber(), day, codes, rules.source(), last.map(EligibilityCheck::getOutcome).orElse(CheckOutcome.UNKNOWN), last.isPresent(),
                    e.getMessage(), last.map(EligibilityCheck::getAnsweredAt).orElse(null), last.map(EligibilityCheck::getAnswer).orElse(null)));
        }
    }

    private EligibilityCheck record(HubUser user, long providerId, Payer payer, Enrollee member, LocalDate day, List<String> codes,
            Source source, CoverAnswer answer, boolean fromCache, String problem, Instant now) {
        return checks.save(new EligibilityCheck(now, user.getUsername(), providerId, payer.getId(), member.getId(),
                member.getEnrolleeNumber(), day, codes, source, answer.covered() ? CheckOutcome.COVERED : CheckOutcome.NOT_COVERED, fromCache, problem, now, write(answer)));
    }

    private static String answerKind(EligibilityCheck check) {
        if (!check.payerReached()) {
            return check.getAnswer() == null ? "none" : "last-known";
        }
        return check.isFromCache() ? "cache" : "fresh";
    }

    private static List<String> serviceCodes(List<String> serviceCodes) {
        if (serviceCodes == null) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (String code : serviceCodes) {
            if (code == null || code.isBlank()) {
                continue;
            }
            if (!SERVICE_CODE.matcher(code.trim()).matches()) {
                throw new InvalidInput("serviceCodes", "'" + code.trim() + "' is not a service code: letters, digits, dots and "
                        + "dashes, up to 40, as on your tariff (e.g. CONS-GP).");
            }
            codes.add(code.trim().toUpperCase(java.util.Locale.ROOT));
        }
        if (codes.size() > MAX_SERVICES) {
            throw new InvalidInput("serviceCodes", "Ask about at most " + MAX_SERVICES + " services at a time.");
        }
        return codes.stream().distinct().toList();
    }

    // ---- showing --------------------------------------------------------------------------------

    private EligibilityView view(EligibilityCheck check) {
        if (check.getOutcome() == CheckOutcome.REFUSED) {
            return refusedView(check);
        }
        Enrollee member = enrollees.findById(check.getEnrolleeId()).orElseThrow();
        Payer payer = payers.findById(check.getPayerId()).orElseThrow();
        PayerSettings settings = catalog.settings(payer.getCode());
        CoverAnswer answer = read(check.getAnswer());
        boolean stale = !check.payerReached();
        Long age = check.getAnsweredAt() == null ? null : Duration.between(check.getAnsweredAt(), check.getCheckedAt()).toSeconds();
        List<ServiceView> services = check.getServiceCodes().stream().map(code -> {
            boolean needsCode = settings.preauthorisation().needsCode(code);
            BigDecimal share = settings.eligibility().coPaymentPercent(code).orElse(null);
            String words = code + ": " + (needsCode ? "needs a PA code from " + payer.getName() : "no PA code needed")
                    + (share == null ? "" : "; the member pays " + share.stripTrailingZeros().toPlainString() + " %");
            return new ServiceView(code, needsCode, share, words);
        }).toList();
        return new EligibilityView(check.getId(), check.getCheckedAt(), check.getCheckedBy(), member.getEnrolleeNumber(),
                member.fullName(), payer.getCode(), payer.getName(), check.getServiceDate(),
                check.getSource().name().toLowerCase(java.util.Locale.ROOT), check.getOutcome(),
                check.getOutcome() == CheckOutcome.COVERED, summary(check, answer, payer, age),
                answer == null ? null : answer.reason(), answer == null ? null : answer.plan(),
                answer == null ? null : answer.coverStart(), answer == null ? null : answer.coverEnd(),
                answer == null ? List.of() : answer.benefits(), answer == null ? List.of() : answer.notes(), services, check.isFromCache(), stale, check.getAnsweredAt(), age,
                check.getPayerProblem());
    }

    /** A refused check: the member and payer where known, the reason in words, no answer. */
    private EligibilityView refusedView(EligibilityCheck check) {
        Enrollee member = check.getEnrolleeId() == null ? null : enrollees.findById(check.getEnrolleeId()).orElse(null);
        Payer payer = check.getPayerId() == null ? null : payers.findById(check.getPayerId()).orElse(null);
        List<ServiceView> services = check.getServiceCodes().stream().map(code -> new ServiceView(code, false, null, code)).toList();
        return new EligibilityView(check.getId(), check.getCheckedAt(), check.getCheckedBy(), check.getEnrolleeNumber(),
                member == null ? null : member.fullName(), payer == null ? null : payer.getCode(),
                payer == null ? null : payer.getName(), check.getServiceDate(), null, CheckOutcome.REFUSED, false,
                "Refused: " + check.getRefusal() + ".", check.getRefusal(), null, null, null, List.of(), List.of(), services, false,
                false, null, null, null);
    }

    private static String summary(EligibilityCheck check, CoverAnswer answer, Payer payer, Long ageSeconds) {
        StringBuilder words = new StringBuilder();
        if (!check.payerReached()) {
            words.append(payer.getName()).append(" could not be reached (").append(check.getPayerProblem()).append("). ");
            if (answer == null) {
                return words.append("There is no earlier answer about this member: ask the HMO by phone, or check again later.")
                        .toString();
            }
            words.append("Its last known answer, ").append(age(ageSeconds)).append(" old: ");
        }
        if (answer.covered()) {
            words.append("Covered on ").append(Display.dayOf(check.getServiceDate()));
            if (answer.plan() != null) {
                words.append(" under ").append(answer.plan());
            }
            if (answer.coverEnd() != null) {
                words.append(" (cover until ").append(Display.dayOf(answer.coverEnd())).append(")");
            }
            words.append(".");
        } else {
            words.append("Not covered on ").append(Display.dayOf(check.getServiceDate())).append(": ").append(answer.reason())
                    .append(".");
        }
        if (check.payerReached() && check.isFromCache()) {
            words.append(" (").append(payer.getName()).append("'s answer of ").append(age(ageSeconds)).append(" ago, reused.)");
        }
        return words.toString();
    }

    /** An age in words: 40 seconds, 12 minutes, 3 hours 5 minutes, 2 days. */
    static String age(Long seconds) {
        if (seconds == null) {
            return "unknown age";
        }
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        if (d.toMinutes() < 1) {
            return d.toSeconds() + " seconds";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        if (d.toDays() < 1) {
            return d.toHours() + (d.toHours() == 1 ? " hour " : " hours ") + d.toMinutesPart() + " minutes";
        }
        return d.toDays() + (d.toDays() == 1 ? " day" : " days");
    }

    private String write(CoverAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an eligibility answer", e);
        }
    }

    private CoverAnswer read(String answer) {
        if (answer == null) {
            return null;
        }
        try {
            return json.readValue(answer, CoverAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored eligibility answer", e);
        }
    }
}
