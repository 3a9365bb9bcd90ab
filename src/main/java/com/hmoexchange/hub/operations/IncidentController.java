package com.hmoexchange.hub.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/operations")
@Tag(name = "Operations", description = "For the hub's operators: re-send claims, see and replay dead letters, incidents")
class IncidentController {

    private final Incidents incidents;

    IncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    /** One incident as the API shows it; closedAt is null while it is open. */
    record IncidentView(long id, IncidentKind kind, String label, String subject, String summary, String advice,
            Instant openedAt, Instant closedAt) {

        static IncidentView of(Incident i) {
            return new IncidentView(i.getId(), i.getKind(), i.getKind().label(), i.getSubject(), i.getSummary(),
                    i.getKind().advice(), i.getOpenedAt(), i.getClosedAt());
        }
    }

    @GetMapping("/incidents")
    @Operation(summary = "Incidents: the open ones (oldest first), or with closed=true the closed ones, latest first, "
            + "50 a page (docs/operations.md#incidents)")
    List<IncidentView> incidents(@Parameter(description = "true: the history of closed incidents") @RequestParam(defaultValue = "false") boolean closed,
            @Parameter(description = "page of the history, from 0") @RequestParam(defaultValue = "0") int page) {
        return (closed ? incidents.history(page, 50).getContent() : incidents.open()).stream().map(IncidentView::of).toList();
    }
}
