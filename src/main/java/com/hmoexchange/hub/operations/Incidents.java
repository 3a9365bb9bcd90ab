package com.hmoexchange.hub.operations;

import com.hmoexchange.hub.cluster.ClusterDuties;
import com.hmoexchange.hub.common.PublicAddress;
import com.hmoexchange.hub.notifications.NotificationKind;
import com.hmoexchange.hub.notifications.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens an incident when a condition starts and closes it when it clears, and tells the operators once
 * at each (in the app and by email, through {@link Notifications}). Evaluated every
 * hub.operations.incidents.check-period, on the node holding the duty {@code incidents} ({@link ClusterDuties});
 * tests call {@link #evaluate(Instant)} with the instant they need.
 * Each opening and closing commits on its own with its notice, so one that loses a race to another
 * node (which then told the operators) changes and tells nothing.
 */
@Service
public class Incidents {

    private static final Logger log = LoggerFactory.getLogger(Incidents.class);

    private final IncidentRepository incidents;
    private final Conditions conditions;
    private final OperationsReadings readings;
    private final Notifications notifications;
    private final TransactionTemplate transaction;
    private final OperationsSettings settings;
    private final Clock clock;
    private final PublicAddress publicAddress;
    private final ClusterDuties duties;

    Incidents(IncidentRepository incidents, Conditions conditions, OperationsReadings readings, Notifications notifications,
            PlatformTransactionManager transactions, OperationsSettings settings, Clock clock,
            PublicAddress publicAddress, ClusterDuties duties) {
        this.duties = duties;
        this.incidents = incidents;
        this.conditions = conditions;
        this.readings = readings;
        this.notifications = notifications;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
        this.clock = clock;
        this.publicAddress = publicAddress;
    }

    @Scheduled(fixedDelayString = "${hub.operations.incidents.check-period:30s}", initialDelayString = "${hub.operations.incidents.check-period:30s}")
    void scheduled() {
        if (settings.incidents().scheduled()) {
            duties.runIfHeld("incidents", () -> evaluate(clock.instant()));
        }
    }

    /** What is true at {@code now}: opens what started, closes what cleared. Returns the incidents open after it. */
    public List<Incident> evaluate(Instant now) {
        List<Condition> current = conditions.at(now, readings.take(now));
        Map<String, Incident> open = incidents.findByClosedAtIsNullOrderByOpenedAtAsc().stream()
                .collect(Collectors.toMap(Incident::key, Function.identity(), (a, b) -> a));
        Set<String> holding = new HashSet<>();
        for (Condition condition : current) {
            holding.add(condition.key());
            if (!open.containsKey(condition.key())) {
                opened(condition, now);
            }
        }
        open.values().stream().filter(i -> !holding.contains(i.key())).forEach(i -> closed(i.getId(), now));
        return incidents.findByClosedAtIsNullOrderByOpenedAtAsc();
    }

    public List<Incident> open() {
        return incidents.findByClosedAtIsNullOrderByOpenedAtAsc();
    }

    /** Closed incidents, latest first. */
    public Page<Incident> history(int page, int size) {
        return incidents.findByClosedAtIsNotNullOrderByClosedAtDescIdDesc(PageRequest.of(Math.max(0, page), size));
    }

    private void opened(Condition condition, Instant now) {
        try {
            transaction.executeWithoutResult(status -> {
                Incident incident = incidents.saveAndFlush(Incident.open(condition, now));
                tell(incident, NotificationKind.INCIDENT_OPENED, "Incident opened: " + condition.kind().label() + " (" + condition.subject()
                        + "). " + condition.summary() + " " + condition.kind().advice());
            });
            log.warn("Incident opened: {} ({}): {}", condition.kind(), condition.subject(), condition.summary());
        } catch (DataIntegrityViolationException e) {
            log.debug("Incident {} was opened by another evaluation", condition.key());
        }
    }

    private void closed(long id, Instant now) {
        try {
            transaction.executeWithoutResult(status -> incidents.findById(id).filter(Incident::isOpen).ifPresent(incident -> {
                incident.close(now);
                incidents.saveAndFlush(incident);
                tell(incident, NotificationKind.INCIDENT_CLOSED, "Incident closed: " + incident.getKind().label() + " (" + incident.getSubject()
                        + ") cleared after " + minutes(incident) + ".");
                log.info("Incident closed: {} ({})", incident.getKind(), incident.getSubject());
            }));
        } catch (OptimisticLockingFailureException e) {
            log.debug("Incident {} was closed by another evaluation", id);
        }
    }

    /** The one place operators are told about incidents (in-app notice and email). */
    private void tell(Incident incident, NotificationKind kind, String message) {
        notifications.tellOperators(kind, message + " " + publicAddress.link("/operator/incidents"));
    }

    private static String minutes(Incident incident) {
        long minutes = incident.lasted(incident.getClosedAt()).toMinutes();
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
