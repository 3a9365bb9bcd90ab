package com.hmoexchange.hub.visits;

import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.organisations.Contracts;
import com.hmoexchange.hub.providers.HmoModuleGate;
import com.hmoexchange.hub.security.HubUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recording completed visits for a practice: once per external reference, for a known enrollee. */
@Service
public class Visits {

    private final VisitRepository visits;
    private final EnrolleeRepository enrollees;
    private final HmoModuleGate hmoModule;
    private final Contracts contracts;
    private final Clock clock;

    Visits(VisitRepository visits, EnrolleeRepository enrollees, HmoModuleGate hmoModule, Contracts contracts, Clock clock) {
        this.visits = visits;
        this.enrollees = enrollees;
        this.hmoModule = hmoModule;
        this.contracts = contracts;
        this.clock = clock;
    }

    /** A service performed, as the practice reports it; the date defaults to the encounter date. */
    public record Performed(String code, String description, int quantity, LocalDate serviceDate) {
    }

    @Transactional
    public Visit record(HubUser user, String enrolleeNumber, LocalDate encounterDate, LocalDate admissionDate,
            LocalDate dischargeDate, String externalRef, List<Performed> services) {
        long providerId = hmoModule.requireEnabled(user.requireProviderId()).getId();
        if (externalRef != null) {
            visits.findByProviderIdAndExternalRef(providerId, externalRef).ifPresent(existing -> {
                throw new RuleViolation("duplicate-visit", "A visit with externalRef '" + externalRef
                        + "' was already recorded (visit " + existing.getId() + "). Use that visit instead of sending it again.");
            });
        }
        Enrollee enrollee = enrollees.findByEnrolleeNumber(enrolleeNumber)
                .orElseThrow(() -> new InvalidInput("enrolleeNumber", "No enrollee has number '" + enrolleeNumber
                        + "'. Check the number on the enrollee's card."));
        // The payer's members are the practice's patients only while a contract with that payer runs.
        contracts.requireCurrent(providerId, enrollee.getPayerId(), encounterDate);
        Visit visit = new Visit(providerId, enrollee.getId(), encounterDate, admissionDate, dischargeDate, externalRef,
                user.getUsername(), LocalDate.now(clock));
        services.forEach(s -> visit.addService(s.code().trim(), s.description().trim(), s.quantity(), s.serviceDate()));
        return visits.save(visit);
    }
}
