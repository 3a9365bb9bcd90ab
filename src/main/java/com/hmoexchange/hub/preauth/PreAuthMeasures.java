package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each HMO keeps the clock, over the last hub.preauth.measures-window: decision time p50/p90 (request to
 * decision, deemed ones at their limit; emergencies left out), the share approved (in full or in part), the share
 * deemed authorised, and the requests waiting now. Read from the database, so every node reports the same; shown on
 * the desk and as gauges tagged by payer (docs/operations.md).
 */
@Component
class PreAuthMeasures implements MeterBinder {

    private final PreAuthorisationRepository requests;
    private final PayerRepository payers;
    private final PreAuthSettings settings;
    private final Clock clock;
    private MultiGauge decisionTime;
    private MultiGauge shareApproved;
    private MultiGauge shareDeemed;
    private MultiGauge waiting;

    PreAuthMeasures(PreAuthorisationRepository requests, PayerRepository payers, PreAuthSettings settings, Clock clock) {
        this.requests = requests;
        this.payers = payers;
        this.settings = settings;
        this.clock = clock;
    }

    /** One HMO's measures; the decision times are null while it has decided nothing in the window. */
    record Measures(String payerCode, int decided, Duration p50, Duration p90, double shareApproved, double shareDeemed,
            long waitingNow) {

        public String p50Text() {
            return minutes(p50);
        }

        public String p90Text() {
            return minutes(p90);
        }

        public String shareApprovedText() {
            return decided == 0 ? "–" : Math.round(shareApproved * 100) + " %";
        }

        public String shareDeemedText() {
            return decided == 0 ? "–" : Math.round(shareDeemed * 100) + " %";
        }

        private static String minutes(Duration d) {
            return d == null ? "–" : (d.toSeconds() < 60 ? d.toSeconds() + " s" : d.toMinutes() + " min");
        }
    }

    @Transactional(readOnly = true)
    Measures of(Payer payer) {
        Instant since = clock.instant().minus(settings.measuresWindow());
        List<PreAuthorisation> decided = requests.decidedSince(payer.getId(), since);
        List<Duration> times = decided.stream().map(p -> Duration.between(p.getRequestedAt(), p.getDecidedAt())).sorted().toList();
        long approved = decided.stream().filter(p -> p.getStatus() == PreAuthStatus.APPROVED
                || p.getStatus() == PreAuthStatus.PARTLY_APPROVED).count();
        long deemed = decided.stream().filter(p -> p.getStatus() == PreAuthStatus.DEEMED_AUTHORISED).count();
        long waitingNow = requests.countByPayerIdAndStatus(payer.getId(), PreAuthStatus.REQUESTED)
                + requests.countByPayerIdAndStatus(payer.getId(), PreAuthStatus.MORE_INFO_ASKED);
        int n = decided.size();
        return new Measures(payer.getCode(), n, percentile(times, 50), percentile(times, 90), n == 0 ? 0 : (double) approved / n,
                n == 0 ? 0 : (double) deemed / n, waitingNow);
    }

    /** Nearest-rank percentile of sorted durations. */
    static Duration percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        decisionTime = MultiGauge.builder("hub.preauth.decision.time").baseUnit("seconds")
                .description("Pre-authorisation decision time per HMO (payer), p50 and p90 over the measures window")
                .register(registry);
        shareApproved = MultiGauge.builder("hub.preauth.approved.share")
                .description("Share of an HMO's pre-authorisation decisions that approved (in full or in part)").register(registry);
        shareDeemed = MultiGauge.builder("hub.preauth.deemed.share")
                .description("Share of an HMO's pre-authorisation requests deemed authorised (NHIA limit passed, HMO liable)")
                .register(registry);
        waiting = MultiGauge.builder("hub.preauth.waiting")
                .description("Pre-authorisation requests waiting now, per HMO (payer)").register(registry);
    }

    @Scheduled(fixedDelayString = "${hub.operations.readings-period:15s}", initialDelayString = "5s")
    void refresh() {
        if (waiting == null) {
            return;
        }
        List<MultiGauge.Row<?>> times = new ArrayList<>();
        List<MultiGauge.Row<?>> approved = new ArrayList<>();
        List<MultiGauge.Row<?>> deemed = new ArrayList<>();
        List<MultiGauge.Row<?>> waitingNow = new ArrayList<>();
        for (Payer payer : payers.findAll()) {
            Measures m = of(payer);
            Tags tags = Tags.of("payer", payer.getCode());
            if (m.p50() != null) {
                times.add(MultiGauge.Row.of(tags.and("quantile", "0.5"), m.p50().toSeconds()));
                times.add(MultiGauge.Row.of(tags.and("quantile", "0.9"), m.p90().toSeconds()));
            }
            approved.add(MultiGauge.Row.of(tags, m.shareApproved()));
            deemed.add(MultiGauge.Row.of(tags, m.shareDeemed()));
            waitingNow.add(MultiGauge.Row.of(tags, m.waitingNow()));
        }
        decisionTime.register(times, true);
        shareApproved.register(approved, true);
        shareDeemed.register(deemed, true);
        waiting.register(waitingNow, true);
    }
}
