package com.hmoexchange.hub.mailintake;

import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/operations/held-mails")
@Tag(name = "Held mails", description = "For operators: mails to the hub's intakes that failed the sender, authentication "
        + "or size checks, held unapplied until accepted or rejected")
class HeldMailController {

    private final MailIntake intake;

    HeldMailController(MailIntake intake) {
        this.intake = intake;
    }

    record HeldMailRow(long id, Intake intake, String owner, String sender, String subject, Instant receivedAt,
            List<String> problems, long sizeBytes, boolean contentKept, HeldMail.Status status, String decidedBy,
            Instant decidedAt, String decisionNote) {
        static HeldMailRow of(HeldMail m) {
            return new HeldMailRow(m.getId(), m.getIntake(), m.getOwner(), m.getSender(), m.getSubject(), m.getReceivedAt(),
                    m.getProblems(), m.getSizeBytes(), m.isContentKept(), m.getStatus(), m.getDecidedBy(), m.getDecidedAt(),
                    m.getDecisionNote());
        }
    }

    record Rejection(String reason) {
    }

    @GetMapping
    @Operation(summary = "Held mails, newest first (status HELD, ACCEPTED or REJECTED; all when left out)")
    List<HeldMailRow> list(@RequestParam(required = false) HeldMail.Status status, @RequestParam(defaultValue = "100") int size) {
        return intake.list(status, size).stream().map(HeldMailRow::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One held mail: why it was held and what became of it")
    HeldMailRow one(@PathVariable long id) {
        return HeldMailRow.of(intake.one(id));
    }

    @GetMapping("/{id}/content")
    @Operation(summary = "The mail as received (RFC 5322), as plain text; 404 when it was too large to keep")
    ResponseEntity<byte[]> content(@PathVariable long id) {
        return intake.content(id).map(raw -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .header("X-Content-Type-Options", "nosniff").header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(raw)).orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Apply the held mail now, as its intake would have on arrival (once: a second accept is refused with 409)")
    HeldMailRow accept(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return HeldMailRow.of(intake.accept(user, id));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject the held mail: nothing of it is applied; the reason is kept with it")
    HeldMailRow reject(@AuthenticationPrincipal HubUser user, @PathVariable long id, @RequestBody(required = false) Rejection body) {
        return HeldMailRow.of(intake.reject(user, id, body == null ? null : body.reason()));
    }
}
