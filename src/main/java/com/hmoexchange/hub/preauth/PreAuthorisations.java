package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.attachments.AttachmentStore;
import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.organisations.Contracts;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.payers.PreAuthorisationSection;
import com.hmoexchange.hub.preauth.PreAuthorisation.LineApproval;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.Display;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pre-authorisation use cases of both sides: a practice's billing staff ask and answer questions; the HMO's admins
 * decide at the desk; a payer's answer over its channel is applied as the desk's would be. Each side sees only its
 * own requests (another practice's or another HMO's request is not found). The rules are {@link PreAuthorisation}'s.
 */
@Service
@Transactional
public class PreAuthorisations {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final List<PreAuthStatus> OPEN = List.of(PreAuthStatus.REQUESTED, PreAuthStatus.MORE_INFO_ASKED);

    private final PreAuthorisationRepository requests;
    private final EnrolleeRepository enrollees;
    private final PayerRepository payers;
    private final PayerCatalog catalog;
    private final ProviderRepository providers;
    private final Contracts contracts;
    private final PreAuthNotices notices;
    private final PreAuthSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AttachmentStore files;
    private final AuditLog audit;
    private final Display display;
    private final SecureRandom random = new SecureRandom();

    PreAuthorisations(PreAuthorisationRepository requests, EnrolleeRepository enrollees, PayerRepository payers,
            PayerCatalog catalog, ProviderRepository providers, Contracts contracts, PreAuthNotices notices,
            PreAuthSettings settings, ApplicationEventPublisher events, Clock clock, AttachmentStore files, AuditLog audit,
            Display display) {
        this.display = display;
        this.files = files;
        this.audit = audit;
        this.requests = requests;
        this.enrollees = enrollees;
        this.payers = payers;
        this.catalog = catalog;
        this.providers = providers;
        this.contracts = contracts;
        this.notices = notices;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    // ---- the practice's side ------------------------------------------------------------------

    /** A file as the practice sent it: the name it gave and the bytes. */
    public record Upload(String name, byte[] data) {
    }

    /** The bytes of one of a request's files, to open or download. */
    public record AttachmentFile(String fileName, String contentType, byte[] data) {
    }

    public PreAuthView request(HubUser user, NewPreAuthRequest body) {
        return request(user, body, List.of());
    }

    /**
     * Asks the member's HMO for a code, with the files that support it. Refused before anything is stored when a file
     * is not a PDF, JPEG or PNG or is too large, the member is unknown, belongs to a payer the practice has no current
     * contract with, is not covered today, or the payer takes no requests.
     */
    public PreAuthView request(HubUser user, NewPreAuthRequest body, List<Upload> uploads) {
        long providerId = user.requireProviderId();
        List<AttachmentStore.Checked> checked = check(uploads);
        Enrollee member = enrollees.findByEnrolleeNumber(body.enrolleeNumber().trim()).orElseThrow(() -> new InvalidInput(
                "enrolleeNumber", "No member has enrollee number '" + body.enrolleeNumber().trim() + "'. Check the card."));
        LocalDate today = contracts.today();
        contracts.requireCurrent(providerId, member.getPayerId(), today);
        if (!member.isCoveredOn(today)) {
            throw new RuleViolation("member-not-covered", "Member " + member.getEnrolleeNumber() + " is not covered today (status "
                    + Display.labelOf(member.getStatus()).toLowerCase(java.util.Locale.ROOT) + ", cover "
                    + Display.dayOf(member.getCoverStart()) + " to "
                    + (member.getCoverEnd() == null ? "open" : Display.dayOf(member.getCoverEnd()))
                    + "): the HMO cannot authorise care.");
        }
        Payer payer = payers.findById(member.getPayerId()).orElseThrow();
        PreAuthorisationSection rules = catalog.settings(payer.getCode()).preauthorisation();
        if (!rules.offered()) {
            throw new RuleViolation("preauth-not-offered", payer.getName() + " takes no pre-authorisation requests through the hub: "
                    + "ask it directly.");
        }
        List<RequestedService> services = body.services().stream()
                .map(s -> new RequestedService(s.code(), s.description(), s.quantity(), s.unitPrice())).toList();
        Instant now = clock.instant();
        String reference = "PA-" + DAY.format(now.atOffset(ZoneOffset.UTC)) + "-" + token(6);
        Provider practice = providers.findById(providerId).orElseThrow();
        PreAuthorisation p;
        if (body.urgency() == Urgency.EMERGENCY) {
            p = PreAuthorisation.emergency(reference, providerId, payer.getId(), member.getId(), services,
                    body.diagnoses(), body.notes(), user.getUsername(), now, rules.limit(), rules.reminder(),
                    hubCode("HUB-EM-"), today, settings.deemedValidity());
            p.attach(keep(checked, false, user, now));
            p = requests.save(p);
            notices.emergency(p, practice.getName());
        } else {
            p = PreAuthorisation.request(reference, providerId, payer.getId(), member.getId(), body.urgency(),
                    services, body.diagnoses(), body.notes(), user.getUsername(), now, rules.limit(), rules.reminder());
            p.attach(keep(checked, false, user, now));
            p = requests.save(p);
            notices.requested(p, payer.getName(), practice.getName());
            if (rules.sentToPayer()) {
                events.publishEvent(new PreAuthReadyToSend(p.getId()));
            } else {
                p.sent(null, now);
            }
        }
        return view(p);
    }

    public PreAuthView answer(HubUser user, String reference, String text) {
        return answer(user, reference, text, List.of());
    }

    /** The practice answers the HMO's question, with files if the HMO asked for documents; a bad file changes nothing. */
    public PreAuthView answer(HubUser user, String reference, String text, List<Upload> uploads) {
        List<AttachmentStore.Checked> checked = check(uploads);
        PreAuthorisation p = ofPractice(user, reference);
        p.answer(text, clock.instant());
        p.attach(keep(checked, true, user, clock.instant()));
        notices.answered(p);
        if (catalog.settings(payerCode(p)).preauthorisation().sentToPayer()) {
            // The payer asked over its channel: the answer goes back the same way, as the request again with the answer.
            events.publishEvent(new PreAuthReadyToSend(p.getId()));
        } else {
            p.sent(null, clock.instant());
        }
        return view(p);
    }

    /** One of the practice's request's files (an audited download). */
    public AttachmentFile practiceFile(HubUser user, String reference, long attachmentId) {
        return file(ofPractice(user, reference), attachmentId);
    }

    @Transactional(readOnly = true)
    public List<PreAuthView> practiceList(HubUser user, int size) {
        return requests.findByProviderIdOrderByRequestedAtDesc(user.requireProviderId(), PageRequest.of(0, limit(size)))
                .stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public PreAuthView practiceOne(HubUser user, String reference) {
        return view(ofPractice(user, reference));
    }

    // ---- the HMO's desk -----------------------------------------------------------------------

    /**
     * The HMO's queue: open requests, the least time left first (a request waiting on the practice by the time it had
     * left when asked, not by its old due time), then emergencies to review.
     */
    @Transactional(readOnly = true)
    public List<PreAuthView> queue(HubUser hmo) {
        return requests.queue(hmo.requireHmoPayerId(), OPEN).stream().sorted(PreAuthorisation.deskOrder(clock.instant()))
                .map(this::view).toList();
    }

    /** The HMO's latest decisions, newest first. */
    @Transactional(readOnly = true)
    public List<PreAuthView> decided(HubUser hmo, int size) {
        return requests.findByPayerIdAndStatusInOrderByDecidedAtDesc(hmo.requireHmoPayerId(), List.of(PreAuthStatus.APPROVED,
                PreAuthStatus.PARTLY_APPROVED, PreAuthStatus.DECLINED, PreAuthStatus.DEEMED_AUTHORISED, PreAuthStatus.EMERGENCY),
                PageRequest.of(0, limit(size))).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public PreAuthView hmoOne(HubUser hmo, String reference) {
        return view(ofHmo(hmo, reference));
    }

    /** One file of a request to the HMO's payer (an audited download). */
    public AttachmentFile hmoFile(HubUser hmo, String reference, long attachmentId) {
        return file(ofHmo(hmo, reference), attachmentId);
    }

    public PreAuthView approve(HubUser hmo, String reference, String code, LocalDate validFrom, LocalDate validUntil,
            List<LineApproval> lines) {
        PreAuthorisation p = ofHmo(hmo, reference);
        String chosen = code == null ? null : code.trim();
        if (chosen != null && !chosen.isEmpty() && requests.findByCode(chosen).filter(o -> !o.getId().equals(p.getId())).isPresent()) {
            throw new InvalidInput("code", "Code '" + chosen + "' is already given to another request: choose another.");
        }
        p.approve(chosen, validFrom, validUntil, lines, hmo.getUsername(), clock.instant());
        notices.decided(p);
        return view(p);
    }

    public PreAuthView decline(HubUser hmo, String reference, String reason) {
        PreAuthorisation p = ofHmo(hmo, reference);
        p.decline(reason, hmo.getUsername(), clock.instant());
        notices.decided(p);
        return view(p);
    }

    public PreAuthView askForMoreInformation(HubUser hmo, String reference, String question) {
        PreAuthorisation p = ofHmo(hmo, reference);
        p.askForMoreInformation(question, hmo.getUsername(), clock.instant());
        notices.askedForMore(p);
        return view(p);
    }

    public PreAuthView markReviewed(HubUser hmo, String reference) {
        PreAuthorisation p = ofHmo(hmo, reference);
        p.markReviewed(hmo.getUsername());
        return view(p);
    }

    // ---- the payer's channel and the clock ----------------------------------------------------

    /** Applies a payer's answer over its channel as the desk's decision; refused when it names no request of the payer. */
    void applyPayerAnswer(String payerCode, PayerAnswer answer) {
        Payer payer = payers.findByCode(payerCode).orElseThrow();
        PreAuthorisation p = (answer.requestReference() == null ? null : requests.findByReference(answer.requestReference())
                .filter(r -> r.getPayerId() == payer.getId()).orElse(null));
        if (p == null) {
            throw new UnplacedAnswer("The answer from " + payer.getName() + " names " + (answer.requestReference() == null
                    ? "no request" : "request '" + answer.requestReference() + "', which is not one of its requests") + ".");
        }
        Instant now = clock.instant();
        String by = payer.getName() + " (over its channel)";
        switch (answer.outcome()) {
            case APPROVED -> {
                LocalDate today = contracts.today();
                String code = answer.code() == null || answer.code().isBlank() ? null : answer.code().trim();
                if (code != null && requests.findByCode(code).filter(o -> !o.getId().equals(p.getId())).isPresent()) {
                    throw new UnplacedAnswer("The answer from " + payer.getName() + " gives code " + code
                            + ", which another request already carries.");
                }
                // A line whose approval gives no quantity is approved at the quantity asked.
                List<LineApproval> lines = answer.lines().stream().map(l -> l.quantity() >= 0 || l.position() < 1
                        || l.position() > p.getServices().size() ? l : new LineApproval(l.position(),
                        p.getServices().get(l.position() - 1).getQuantity(), l.amount())).toList();
                p.approve(code, answer.validFrom() == null ? today : answer.validFrom(),
                        answer.validUntil() == null ? today.plusDays(settings.deemedValidity().toDays()) : answer.validUntil(),
                        lines, by, now);
                notices.decided(p);
            }
            case DECLINED -> {
                p.decline(answer.reason() == null || answer.reason().isBlank() ? "declined by the payer (no reason given)"
                        : answer.reason(), by, now);
                notices.decided(p);
            }
            case MORE_INFO -> {
                p.askForMoreInformation(answer.reason(), by, now);
                notices.askedForMore(p);
            }
            case PENDED -> { }
        }
        p.sent(answer.payerReference(), p.getSentAt() == null ? now : p.getSentAt());
    }

    /** A reminder for one request, if still due; the clock calls it in its own transaction. */
    boolean remindIfDue(long id, Instant now) {
        PreAuthorisation p = requests.findById(id).orElseThrow();
        if (!p.remindIfDue(now)) {
            return false;
        }
        notices.reminder(p);
        return true;
    }

    /** Deems one request authorised, if still past its limit without a decision. */
    boolean deemIfDue(long id, Instant now) {
        PreAuthorisation p = requests.findById(id).orElseThrow();
        if (!p.deemIfDue(hubCode("HUB-DA-"), LocalDate.ofInstant(now, ZoneOffset.UTC), settings.deemedValidity(), now)) {
            return false;
        }
        notices.deemed(p);
        return true;
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Every file checked before anything is stored: one bad file refuses the whole request or answer. */
    private List<AttachmentStore.Checked> check(List<Upload> uploads) {
        if (uploads.size() > PreAuthorisation.MAX_ATTACHMENTS) {
            throw new InvalidInput("files", "A request takes at most " + PreAuthorisation.MAX_ATTACHMENTS + " files; "
                    + uploads.size() + " were sent.");
        }
        return uploads.stream().map(u -> {
            try {
                return files.check("files", u.name(), u.data());
            } catch (InvalidInput e) {
                throw new InvalidInput("files", (u.name() == null || u.name().isBlank() ? "A file" : "File " + u.name())
                        + ": " + e.getMessage());
            }
        }).toList();
    }

    private List<PreAuthAttachment> keep(List<AttachmentStore.Checked> checked, boolean withAnswer, HubUser user, Instant now) {
        return checked.stream().map(files::keep).map(k -> new PreAuthAttachment(k.fileName(), k.contentType(), k.sizeBytes(),
                k.sha256(), k.contentId(), withAnswer, user.getUsername(), now)).toList();
    }

    private AttachmentFile file(PreAuthorisation p, long attachmentId) {
        PreAuthAttachment a = p.attachment(attachmentId);
        if (a.isContentRemoved()) {
            throw new RuleViolation("attachment-removed-by-retention", "The file " + a.getFileName() + " was removed by "
                    + "retention on " + display.day(a.getContentRemovedAt()) + ", after request "
                    + p.getReference() + " was decided; its name, type and SHA-256 digest are kept.");
        }
        audit.record(AuditAction.ATTACHMENT_DOWNLOADED, "preauthorisation-attachment", attachmentId, "request " + p.getReference());
        return new AttachmentFile(a.getFileName(), a.getContentType(), files.read(a.getContentId()));
    }

    /** The files of a request as they go to its payer, bytes included. */
    List<AttachmentFile> filesToSend(PreAuthorisation p) {
        return p.getAttachments().stream().filter(a -> !a.isContentRemoved())
                .map(a -> new AttachmentFile(a.getFileName(), a.getContentType(), files.read(a.getContentId()))).toList();
    }

    private PreAuthorisation ofPractice(HubUser user, String reference) {
        long providerId = user.requireProviderId();
        return requests.findByReference(reference).filter(p -> p.getProviderId() == providerId)
                .orElseThrow(() -> new NotFoundException("Pre-authorisation request", reference));
    }

    private PreAuthorisation ofHmo(HubUser hmo, String reference) {
        long payerId = hmo.requireHmoPayerId();
        return requests.findByReference(reference).filter(p -> p.getPayerId() == payerId)
                .orElseThrow(() -> new NotFoundException("Pre-authorisation request", reference));
    }

    private String payerCode(PreAuthorisation p) {
        return payers.findById(p.getPayerId()).orElseThrow().getCode();
    }

    PreAuthView view(PreAuthorisation p) {
        Enrollee member = enrollees.findById(p.getEnrolleeId()).orElseThrow();
        Payer payer = payers.findById(p.getPayerId()).orElseThrow();
        String practice = providers.findById(p.getProviderId()).map(Provider::getName).orElse("");
        List<PreAuthView.Service> services = new java.util.ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int position = 1;
        for (RequestedService s : p.getServices()) {
            services.add(new PreAuthView.Service(position++, s.getServiceCode(), s.getDescription(), s.getQuantity(),
                    s.getUnitPrice(), s.amount(), s.getApprovedQuantity(), s.getApprovedAmount()));
            total = total.add(s.amount());
        }
        java.time.Duration left = p.timeLeft(clock.instant());
        return new PreAuthView(p.getReference(), p.getStatus(), p.getUrgency(), member.getEnrolleeNumber(), member.fullName(),
                payer.getCode(), payer.getName(), practice, services, total, p.getDiagnoses(), p.getNotes(), p.getRequestedBy(),
                p.getRequestedAt(), p.getDueAt(), left == null ? null : left.toSeconds(), p.getRemindedAt(), p.getCode(),
                p.getValidFrom(), p.getValidUntil(), p.getDecidedBy(), p.getDecidedAt(), p.getDecisionReason(), p.getQuestion(),
                p.getAnswer(), p.isReviewNeeded(), p.getStatus() == PreAuthStatus.DEEMED_AUTHORISED, p.getPayerReference(),
                p.getAttachments().stream().map(a -> new PreAuthView.Attachment(a.getId(), a.getFileName(), a.getContentType(),
                        a.getSizeBytes(), a.getSha256(), a.isWithAnswer(), a.getUploadedBy(), a.getUploadedAt(),
                        a.getContentRemovedAt())).toList());
    }

    private String hubCode(String prefix) {
        String code;
        do {
            code = prefix + token(8);
        } while (requests.existsByCode(code));
        return code;
    }

    private String token(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    private static int limit(int size) {
        return Math.max(1, Math.min(size, 500));
    }

    /** A payer's answer the hub cannot place on a request: it goes to the exceptions list. */
    static class UnplacedAnswer extends RuntimeException {
        UnplacedAnswer(String message) {
            super(message);
        }
    }
}
