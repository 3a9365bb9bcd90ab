package com.hmoexchange.hub.node;

import java.util.Comparator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.event.EventListener;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.stereotype.Component;

/**
 * Where the start spent its time, when HUB_STARTUP_STEPS=true (HubApplication then records the steps): once
 * ready, logs the slowest bean creations (each including the beans it needed first) and the longest other steps.
 * For finding what to cut (docs/reliability.md, "Restart"); off by default, as recording costs a little.
 */
@Component
class StartupSteps {

    private static final Logger log = LoggerFactory.getLogger(StartupSteps.class);

    private final ApplicationStartup startup;

    StartupSteps(ApplicationStartup startup) {
        this.startup = startup;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logSlowest() {
        if (!(startup instanceof BufferingApplicationStartup buffering)) {
            return;
        }
        StartupTimeline timeline = buffering.getBufferedTimeline();
        String slowest = timeline.getEvents().stream()
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(40)
                .map(e -> String.format("%6d ms  %s %s", e.getDuration().toMillis(), e.getStartupStep().getName(),
                        tags(e)))
                .collect(Collectors.joining("\n"));
        log.info("Slowest start-up steps (each includes the steps inside it):\n{}", slowest);
    }

    private static String tags(StartupTimeline.TimelineEvent event) {
        StringBuilder text = new StringBuilder();
        event.getStartupStep().getTags().forEach(tag -> {
            String value = tag.getValue();
            text.append(tag.getKey()).append('=').append(value.length() > 90 ? value.substring(0, 90) + "…" : value).append(' ');
        });
        return text.toString().trim();
    }

}
