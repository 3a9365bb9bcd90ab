package com.hmoexchange.hub.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit log: one call where something happens, e.g.
 * {@code audit.record(AuditAction.PAYLOAD_VIEWED, "message", id)}. The current user and the client's address
 * (the forwarded one behind a trusted proxy, see server.forward-headers-strategy) are taken here.
 *
 * <p>Appending locks the chain's head row, so entries written by several nodes at once form one chain. An entry
 * is written in the caller's transaction when there is one (it goes if the action is rolled back), else in its own.
 */
@Component
public class AuditLog {

    private static final int MAX_ID = 200;
    private static final int MAX_DETAIL = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Records what the signed-in user did to the object (e.g. "claim", 42). */
    public void record(AuditAction action, String objectType, Object objectId) {
        record(action, objectType, objectId, null);
    }

    /** The same with a short note; never health data (a reason typed by a user is not a note for the log). */
    public void record(AuditAction action, String objectType, Object objectId, String detail) {
        recordFor(Actor.current(), action, objectType, objectId, detail);
    }

    /** Records for someone other than the signed-in user: a failed sign-in's name, a token's owner, the hub itself. */
    public void recordFor(Actor actor, AuditAction action, String objectType, Object objectId, String detail) {
        recordFor(actor, action, objectType, objectId, detail, clientAddress());
    }

    /** The same from a given address: for what is refused before the request's context is set up (a servlet filter). */
    void recordFor(Actor actor, AuditAction action, String objectType, Object objectId, String detail, String clientAddress) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String id = objectId == null ? null : cut(objectId.toString(), MAX_ID);
        String note = detail == null ? null : cut(detail, MAX_DETAIL);
        String address = clientAddress == null ? null : cut(clientAddress, 100);
        // A read (a download, a payload view) may run in a read-only transaction, which cannot write: the entry gets its own.
        TransactionTemplate template = TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? ownTransaction : transaction;
        template.executeWithoutResult(status -> append(at, actor, action, objectType, id, note, address));
    }

    private void append(Instant at, Actor actor, AuditAction action, String objectType, String objectId, String detail,
            String address) {
        Map<String, Object> head = jdbc.queryForMap("select last_id, last_hash from audit_chain_head where id = 1 for update");
        long id = ((Number) head.get("last_id")).longValue() + 1;
        String previous = (String) head.get("last_hash");
        String hash = AuditEntry.hashOf(previous, id, at, actor.name(), actor.role(), actor.providerId(), actor.payerId(),
                action, objectType, objectId, detail, address);
        jdbc.update("insert into audit_entry (id, at, actor, actor_role, provider_id, payer_id, action, object_type, "
                + "object_id, detail, address, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor.name(), actor.role(), actor.providerId(), actor.payerId(), action.name(),
                objectType, objectId, detail, address, previous, hash);
        jdbc.update("update audit_chain_head set last_id = ?, last_hash = ? where id = 1", id, hash);
    }

    /** The client's address as the servlet container sees it: the proxy's forwarded one when the proxy is trusted. */
    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return cut(request.getRemoteAddr(), 100);
        }
        return null;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
