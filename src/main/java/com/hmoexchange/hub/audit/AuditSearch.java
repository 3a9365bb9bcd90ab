package com.hmoexchange.hub.audit;

import com.hmoexchange.hub.common.Forbidden;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.Display;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.io.function.IOSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log as the signed-in user may: a platform administrator every entry, an HMO's
 * administrator the entries of their HMO's people (and its clients' users), a practice's owner those of
 * their practice's people. Everyone else is refused.
 */
@Component
public class AuditSearch {

    public static final int MAX_PAGE = 200;

    /**
     * The export's columns: first what a person reads (the moment in the hub's zone, the role, action and object in
     * words, the practice or HMO by name), then the values as stored, which a machine needs to recompute each
     * entry's hash and follow the chain (docs/security.md).
     */
    static final String[] CSV_HEADER = {"id", "when", "who", "role", "practice or HMO", "action", "about", "detail", "address",
            "at", "actor_role", "provider_id", "payer_id", "action_code", "object_type", "object_id", "previous_hash", "hash"};

    private final JdbcTemplate jdbc;
    private final Display show;

    AuditSearch(JdbcTemplate jdbc, Display show) {
        this.jdbc = jdbc;
        this.show = show;
    }

    /** A page of entries, newest first; {@code before} (an entry id) continues after the previous page. */
    public record Found(List<AuditEntry> items, boolean hasMore, Long nextBefore) {
    }

    @Transactional(readOnly = true)
    public Found search(HubUser user, AuditFilter filter, Long before, int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidInput("size", "Ask for 1 to " + MAX_PAGE + " entries per page.");
        }
        Query query = query(user, filter);
        if (before != null) {
            query.and("id < ?", before);
        }
        List<AuditEntry> items = jdbc.query("select * from audit_entry" + query.where() + " order by id desc limit "
                + (size + 1), (row, n) -> AuditChain.read(row), query.args.toArray());
        boolean more = items.size() > size;
        List<AuditEntry> page = more ? items.subList(0, size) : items;
        return new Found(List.copyOf(page), more, more ? page.get(page.size() - 1).id() : null);
    }

    /** Every entry the user may see that matches, oldest first, as CSV (a spreadsheet's formulas defused). */
    @Transactional(readOnly = true)
    public void exportCsv(HubUser user, AuditFilter filter, IOSupplier<Writer> opened) {
        Query query = query(user, filter);
        try {
            // Opened once the user and filters are accepted: a refusal is still answered as problem details.
            CSVPrinter csv = new CSVPrinter(opened.get(), CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get());
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("select e.*, (select name from provider where id = e.provider_id) as practice, "
                        + "(select name from payer where id = e.payer_id) as payer from audit_entry e" + query.where() + " order by id",
                        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                statement.setFetchSize(1000);
                for (int i = 0; i < query.args.size(); i++) {
                    statement.setObject(i + 1, query.args.get(i));
                }
                return statement;
            }, (ResultSet row) -> {
                AuditEntry e = AuditChain.read(row);
                String organisation = row.getString("practice") != null ? row.getString("practice") : row.getString("payer");
                String about = e.objectType() == null ? "" : Display.words(e.objectType()).toLowerCase(java.util.Locale.ROOT)
                        + (e.objectId() == null ? "" : " " + e.objectId());
                try {
                    csv.printRecord(e.id(), show.when(e.at()), cell(e.actor()), show.role(e.actorRole()), cell(organisation),
                            show.label(e.action()), cell(about), cell(e.detail()), cell(e.address()),
                            e.at(), e.actorRole(), e.providerId(), e.payerId(), e.action(), cell(e.objectType()),
                            cell(e.objectId()), e.previousHash(), e.hash());
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
            csv.flush();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** A value a spreadsheet would run as a formula (a name typed at a failed sign-in can be anything) starts with '. */
    static String cell(String value) {
        return com.hmoexchange.hub.common.SpreadsheetCells.defused(value);
    }

    private static Query query(HubUser user, AuditFilter filter) {
        Query query = new Query();
        switch (user.role()) {
            case PLATFORM_ADMIN -> { }
            case HMO_ADMIN -> query.and("payer_id = ?", user.requireHmoPayerId());
            case OWNER -> query.and("provider_id = ?", user.requireProviderId());
            default -> throw new Forbidden("The audit log is for platform administrators, HMO administrators and "
                    + "practice owners; your account (" + user.role() + ") may not read it.");
        }
        if (filter.actorOrNull() != null) {
            query.and("lower(actor) = ?", filter.actorOrNull().toLowerCase());
        }
        if (filter.action() != null) {
            query.and("action = ?", filter.action().name());
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new InvalidInput("from", "The first day (" + filter.from() + ") is after the last (" + filter.to() + ").");
        }
        if (filter.from() != null) {
            query.and("at >= ?", filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            query.and("at < ?", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return query;
    }

    private static final class Query {
        final List<String> conditions = new ArrayList<>();
        final List<Object> args = new ArrayList<>();

        void and(String condition, Object arg) {
            conditions.add(condition);
            args.add(arg);
        }

        String where() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }
}
