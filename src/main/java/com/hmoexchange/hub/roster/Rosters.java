package com.hmoexchange.hub.roster;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An HMO's member roster, as CSV or X12 834: preview what it would add, change and terminate, or apply it.
 * Applying is all or nothing: a file with any refused row changes nothing. Applying the same file again
 * changes nothing either, since each member is compared with what is on file.
 */
@Service
public class Rosters {

    static final int LISTED_CHANGES = 1000;
    private static final Logger log = LoggerFactory.getLogger(Rosters.class);

    private final RosterStore store;
    private final Clock clock;

    private final AuditLog audit;

    Rosters(RosterStore store, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public RosterReport preview(long payerId, String fileName, byte[] content) {
        RosterFile file = read(content);
        RosterPlan plan = plan(payerId, file);
        return report(fileName, plan, false, null);
    }

    /** Applies the file for the HMO, or throws {@link RosterRefused} (with the report) having changed nothing. */
    @Transactional
    public RosterReport apply(long payerId, String fileName, byte[] content, String by) {
        RosterFile file = read(content);
        store.lockPayer(payerId);
        RosterPlanner.Known known = store.known(payerId, numbersIn(file));
        RosterPlan plan = new RosterPlanner(known, LocalDate.now(clock)).plan(file);
        if (plan.refused()) {
            throw new RosterRefused(report(fileName, plan, false, null));
        }
        Instant now = clock.instant();
        long fileId = store.recordFile(payerId, fileName, plan.format(), sha256(content), by, now, plan);
        store.write(payerId, plan, fileId, by, now, known.members());
        log.info("Roster {} (file #{}) of payer {} applied: {} added, {} changed, {} terminated, {} unchanged", fileName,
                fileId, payerId, plan.count(RosterPlan.Kind.ADDED), plan.count(RosterPlan.Kind.CHANGED),
                plan.count(RosterPlan.Kind.TERMINATED), plan.unchanged());
        audit.record(AuditAction.ROSTER_APPLIED, "roster-file", fileId, "payer " + payerId + ", by " + by);
        return report(fileName, plan, true, fileId);
    }

    /** A roster file applied: who, when, and what it changed. */
    public record AppliedFile(long id, String fileName, String format, String appliedBy, Instant appliedAt, int added,
            int changed, int terminated, int unchanged) {
    }

    /** One change to an enrollee, and the roster file it came from (null when it came another way). */
    public record AuditEntry(Instant at, String by, String action, String details, Long rosterFileId, String fileName) {
    }

    @Transactional(readOnly = true)
    public List<AppliedFile> files(long payerId) {
        return store.files(payerId);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> audit(long payerId, String enrolleeNumber) {
        return store.audit(payerId, enrolleeNumber);
    }

    private RosterPlan plan(long payerId, RosterFile file) {
        RosterPlanner.Known known = store.known(payerId, numbersIn(file));
        return new RosterPlanner(known, LocalDate.now(clock)).plan(file);
    }

    private static List<String> numbersIn(RosterFile file) {
        List<String> numbers = new java.util.ArrayList<>(file.rows().size() * 2);
        for (RosterRow row : file.rows()) {
            numbers.add(row.enrolleeNumber());
            if (row.principalNumber() != null) {
                numbers.add(row.principalNumber());
            }
        }
        return numbers;
    }

    /** An interchange starts with ISA (after any byte-order mark or white space); anything else is read as CSV. */
    static RosterFile read(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        return start.startsWith("ISA") ? Roster834.read(new ByteArrayInputStream(content))
                : RosterCsv.read(new ByteArrayInputStream(content));
    }

    private static RosterReport report(String fileName, RosterPlan plan, boolean applied, Long fileId) {
        List<RosterReport.Change> changes = plan.steps().stream().limit(LISTED_CHANGES)
                .map(s -> new RosterReport.Change(s.at(), s.kind().name(), s.after().number(), s.details())).toList();
        List<RosterReport.Refused> refused = plan.refusals().stream().map(r -> new RosterReport.Refused(r.at(), r.reason())).toList();
        return new RosterReport(fileName, plan.format().name(), applied, fileId, plan.count(RosterPlan.Kind.ADDED),
                plan.count(RosterPlan.Kind.CHANGED), plan.count(RosterPlan.Kind.TERMINATED), plan.unchanged(), refused.size(),
                changes, refused);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
