package com.hmoexchange.hub.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the audit log's hash chain from the first entry to the head: every id present, each entry's
 * previous hash that of the entry before it, each hash what its fields give. The first break is reported
 * with the entry where it shows.
 */
@Component
public class AuditChain {

    private final JdbcTemplate jdbc;

    AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The outcome of a check: intact, or the first entry where the chain breaks and why. */
    public record Verification(boolean intact, long entriesChecked, Long brokenAt, String problem) {
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        Walk walk = new Walk();
        // Streamed in id order (a read-only transaction lets PostgreSQL hand rows over in batches).
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select * from audit_entry order by id",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(1000);
            return statement;
        }, (ResultSet row) -> {
            try {
                walk.next(read(row));
            } catch (IllegalArgumentException unknownAction) {
                walk.unreadable(row.getLong("id"));
            }
        });
        if (walk.problem != null) {
            return new Verification(false, walk.checked, walk.brokenAt, walk.problem);
        }
        Map<String, Object> head = jdbc.queryForMap("select last_id, last_hash from audit_chain_head where id = 1");
        long lastId = ((Number) head.get("last_id")).longValue();
        if (lastId != walk.lastId) {
            long missing = walk.lastId + 1;
            return new Verification(false, walk.checked, missing, "Entries " + missing + " to " + lastId
                    + " are missing: the chain's head says the last entry is " + lastId + ".");
        }
        if (!walk.lastHash.equals(head.get("last_hash"))) {
            return new Verification(false, walk.checked, walk.lastId, "Entry " + walk.lastId
                    + " is not the one the chain's head recorded (its hash differs).");
        }
        return new Verification(true, walk.checked, null, null);
    }

    private static final class Walk {
        long checked;
        long lastId;
        String lastHash = "0".repeat(64);
        Long brokenAt;
        String problem;

        void next(AuditEntry entry) {
            if (problem != null) {
                return;
            }
            checked++;
            if (entry.id() != lastId + 1) {
                fail(lastId + 1, "Entry " + (lastId + 1) + " is missing" + (entry.id() > lastId + 2
                        ? " (entries " + (lastId + 1) + " to " + (entry.id() - 1) + ")" : "") + ": it was deleted.");
            } else if (!entry.previousHash().equals(lastHash)) {
                fail(entry.id(), "Entry " + entry.id() + " does not follow entry " + lastId
                        + ": its record of the previous hash differs, so entry " + lastId + " was changed or replaced.");
            } else if (!entry.expectedHash().equals(entry.hash())) {
                fail(entry.id(), "Entry " + entry.id() + " was changed: its fields no longer give its hash.");
            }
            lastId = entry.id();
            lastHash = entry.hash();
        }

        void unreadable(long id) {
            if (problem == null) {
                checked++;
                fail(id, "Entry " + id + " was changed: its action is not one the hub writes.");
            }
        }

        void fail(long id, String why) {
            brokenAt = id;
            problem = why;
        }
    }

    static AuditEntry read(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong("id"), row.getObject("at", OffsetDateTime.class).toInstant(),
                row.getString("actor"), row.getString("actor_role"), row.getObject("provider_id", Long.class),
                row.getObject("payer_id", Long.class), AuditAction.valueOf(row.getString("action")),
                row.getString("object_type"), row.getString("object_id"), row.getString("detail"),
                row.getString("address"), row.getString("previous_hash"), row.getString("hash"));
    }
}
