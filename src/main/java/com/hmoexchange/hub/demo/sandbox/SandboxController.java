package com.hmoexchange.hub.demo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.hmoexchange.hub.payers.HttpSection;
import com.hmoexchange.hub.payers.PayerCatalog;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's HTTP payer (Acme) and a window on the sandbox mailbox (demo/DemoMailbox). The payer checks the bearer
 * token, answers 201 with its reference, and answers a repeat of the same Idempotency-Key with the
 * reference it gave the first time. Demo profile only.
 */
@RestController
@RequestMapping("/sandbox")
@Profile("demo")
@Tag(name = "Sandbox (demo only)", description = "Stand-in payers of the zero-setup run")
class SandboxController {

    private static final Logger log = LoggerFactory.getLogger(SandboxController.class);

    private final String acmeToken;
    private final GreenMail mail;
    private final SandboxSftpServer sftp;
    private volatile boolean acmeDown;
    private final Map<String, String> referencesByKey = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> received = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sequence = new AtomicInteger(1000);

    private final SandboxResponder responder;

    SandboxController(PayerCatalog payers, GreenMail mail, SandboxSftpServer sftp, SandboxResponder responder) {
        this.responder = responder;
        this.acmeToken = payers.settings("acme-hmo").section(HttpSection.class).token();
        this.mail = mail;
        this.sftp = sftp;
    }

    @PostMapping("/payers/acme-hmo/claims")
    @Operation(summary = "Acme's claim API: what the hub posts claims to")
    ResponseEntity<Map<String, Object>> receive(@RequestHeader(value = "Authorization", required = false) String authorization,
            @RequestHeader(value = "Idempotency-Key", required = false) String key, @RequestBody JsonNode claim) {
        if (acmeDown) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "sandbox payer is down"));
        }
        if (!("Bearer " + acmeToken).equals(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "bad or missing bearer token"));
        }
        String ref = claim.path("ref").asText();
        String known = key == null ? null : referencesByKey.get(key);
        if (known != null) {
            return ResponseEntity.ok(Map.of("reference", known, "status", "RECEIVED", "duplicate", true));
        }
        String reference = "ACME-" + sequence.incrementAndGet();
        if (key != null) {
            referencesByKey.put(key, reference);
        }
        received.add(Map.of("at", Instant.now().toString(), "idempotencyKey", String.valueOf(key), "reference", reference,
                "claim", claim));
        log.info("Sandbox payer acme-hmo received claim {} (Idempotency-Key {}) -> {}", ref, key, reference);
        responder.acmeReceived(claim);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("reference", reference, "status", "RECEIVED"));
    }

    /**
     * Takes a sandbox payer down or brings it back: acme-hmo answers 503 while down, harmony-care's SFTP
     * server stops. Claims sent meanwhile are retried and arrive once when the payer is back.
     */
    @PostMapping("/payers/{code}/{state:up|down}")
    @Operation(summary = "Take a sandbox payer down, or bring it back up (acme-hmo, harmony-care)")
    ResponseEntity<Map<String, Object>> switchPayer(@PathVariable String code, @PathVariable String state) throws Exception {
        boolean down = "down".equals(state);
        switch (code) {
            case "acme-hmo" -> acmeDown = down;
            case "harmony-care" -> sftp.down(down);
            default -> {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no sandbox payer " + code
                        + " can be switched; try acme-hmo or harmony-care"));
            }
        }
        log.info("Sandbox payer {} is {}", code, state);
        return ResponseEntity.ok(Map.of("payer", code, "state", state));
    }

    @GetMapping("/payers/acme-hmo/claims")
    @Operation(summary = "What Acme's API has received (the HTTP payer's log)")
    List<Map<String, Object>> acmeLog() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    record Mail(String from, String subject, List<String> attachments) {
    }

    @GetMapping("/mailboxes/{address}")
    @Operation(summary = "The sandbox mailbox of an address: sender, subject and attachment names, oldest first")
    List<Mail> mailbox(@PathVariable String address) throws Exception {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            boolean forAddress = message.getAllRecipients() != null && java.util.Arrays.stream(message.getAllRecipients())
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
            if (!forAddress) {
                continue;
            }
            List<String> attachments = new ArrayList<>();
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (multipart.getBodyPart(i).getFileName() != null) {
                        attachments.add(multipart.getBodyPart(i).getFileName());
                    }
                }
            }
            mails.add(new Mail(String.valueOf(message.getFrom()[0]), message.getSubject(), attachments));
        }
        return mails;
    }
}
