package com.hmoexchange.hub.roster;

import com.hmoexchange.hub.enrollees.BenefitPlan;
import com.hmoexchange.hub.enrollees.BenefitPlanRepository;
import com.hmoexchange.hub.enrollees.EnrolleeStatus;
import com.hmoexchange.hub.enrollees.Relationship;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads an HMO's members in one query and writes a roster's changes as JDBC batches (a 100,000-member file
 * is a few hundred round trips, not 100,000 entity saves), with one audit row per member changed.
 */
@Repository
class RosterStore {

    private static final int BATCH = 1000;
    private static final int IN_CHUNK = 1000;

    /** Members added by one file past which the table's statistics are refreshed (see refreshStatistics). */
    private static final int ANALYSE_AFTER = 10_000;

    private final JdbcTemplate jdbc;
    private Boolean postgres;
    private final NamedParameterJdbcTemplate named;
    private final BenefitPlanRepository plans;

    RosterStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, BenefitPlanRepository plans) {
        this.jdbc = jdbc;
        this.named = named;
        this.plans = plans;
    }

    /**
     * What the planner needs of the HMO's members: those the file names and the dependants of principals it
     * names (for the dependents policy and terminations). The others are read and let go, so an HMO with
     * many more members than the file does not hold them all in memory.
     */
    RosterPlanner.Known known(long payerId, Collection<String> numbersInFile) {
        // numbersInFile: the members' numbers and the principals' numbers the file names
        Set<String> inFile = new HashSet<>(numbersInFile);
        Map<String, Member> members = new HashMap<>();
        jdbc.query("""
                select e.id, e.enrollee_number, p.enrollee_number as principal_number, e.relationship, e.first_name,
                       e.last_name, e.date_of_birth, e.status, e.cover_start, e.cover_end, e.primary_provider_id, e.plan_id
                from enrollee e left join enrollee p on p.id = e.principal_id
                where e.payer_id = ?""", rs -> {
            Member m = new Member(rs.getLong(1), rs.getString(2), rs.getString(3), Relationship.valueOf(rs.getString(4)),
                    rs.getString(5), rs.getString(6), localDate(rs.getDate(7)), EnrolleeStatus.valueOf(rs.getString(8)),
                    localDate(rs.getDate(9)), localDate(rs.getDate(10)), (Long) rs.getObject(11, Long.class),
                    (Long) rs.getObject(12, Long.class));
            if (inFile.contains(m.number()) || (m.principalNumber() != null && inFile.contains(m.principalNumber()))) {
                members.put(m.number(), m);
            }
        }, payerId);
        Map<String, RosterPlanner.Plan> byCode = new HashMap<>();
        for (BenefitPlan p : plans.findByPayerIdOrderByCode(payerId)) {
            byCode.put(p.getCode(), new RosterPlanner.Plan(p.getId(), p.getCode(), p.dependentsPolicy()));
        }
        Map<String, Long> providers = new HashMap<>();
        jdbc.query("select id, code from provider", rs -> {
            providers.put(rs.getString(2), rs.getLong(1));
        });
        List<String> unknown = numbersInFile.stream().filter(n -> !members.containsKey(n)).distinct().toList();
        Set<String> elsewhere = new HashSet<>();
        for (List<String> chunk : chunks(unknown)) {
            elsewhere.addAll(named.queryForList("select enrollee_number from enrollee where enrollee_number in (:numbers)",
                    Map.of("numbers", chunk), String.class));
        }
        return new RosterPlanner.Known(members, byCode, providers, elsewhere);
    }

    /** Holds the HMO's row until the transaction ends, so two rosters of one HMO are applied one after the other. */
    void lockPayer(long payerId) {
        jdbc.queryForObject("select id from payer where id = ? for update", Long.class, payerId);
    }

    long recordFile(long payerId, String fileName, RosterFile.Format format, String sha256, String by, Instant at,
            RosterPlan plan) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    insert into roster_file (payer_id, file_name, format, sha256, applied_by, applied_at, added, changed,
                        terminated, unchanged) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setLong(1, payerId);
            ps.setString(2, fileName);
            ps.setString(3, format.name());
            ps.setString(4, sha256);
            ps.setString(5, by);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setInt(7, (int) plan.count(RosterPlan.Kind.ADDED));
            ps.setInt(8, (int) plan.count(RosterPlan.Kind.CHANGED));
            ps.setInt(9, (int) plan.count(RosterPlan.Kind.TERMINATED));
            ps.setInt(10, plan.unchanged());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** Writes the plan's steps: principals added first (dependants need their ids), then dependants, then changes. */
    void write(long payerId, RosterPlan plan, long fileId, String by, Instant at, Map<String, Member> existing) {
        List<RosterPlan.Step> addedPrincipals = new ArrayList<>();
        List<RosterPlan.Step> addedDependants = new ArrayList<>();
        List<RosterPlan.Step> updated = new ArrayList<>();
        for (RosterPlan.Step step : plan.steps()) {
            if (step.before() != null) {
                updated.add(step);
            } else if (step.after().isPrincipal()) {
                addedPrincipals.add(step);
            } else {
                addedDependants.add(step);
            }
        }
        Map<String, Long> ids = new HashMap<>();
        existing.values().forEach(m -> ids.put(m.number(), m.id()));
        insert(payerId, addedPrincipals, ids);
        refreshStatistics(addedPrincipals.size() + addedDependants.size());
        ids.putAll(idsOf(addedPrincipals.stream().map(s -> s.after().number()).toList()));
        insert(payerId, addedDependants, ids);
        ids.putAll(idsOf(addedDependants.stream().map(s -> s.after().number()).toList()));
        batch("""
                update enrollee set first_name = ?, last_name = ?, date_of_birth = ?, status = ?, cover_start = ?,
                    cover_end = ?, primary_provider_id = ?, plan_id = ?, version = version + 1 where id = ?""",
                updated, s -> {
                    Member m = s.after();
                    return new Object[] {m.firstName(), m.lastName(), date(m.dateOfBirth()), m.status().name(),
                            date(m.coverStart()), date(m.coverEnd()), m.primaryProviderId(), m.planId(), m.id()};
                }, new int[] {Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.DATE, Types.DATE,
                        Types.BIGINT, Types.BIGINT, Types.BIGINT});
        Timestamp when = Timestamp.from(at);
        batch("""
                insert into enrollee_audit (enrollee_id, changed_at, changed_by, action, details, roster_file_id)
                values (?, ?, ?, ?, ?, ?)""", plan.steps(), s -> new Object[] {ids.get(s.after().number()), when, by,
                s.kind().name(), clip(s.details()), fileId},
                new int[] {Types.BIGINT, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT});
    }

    /*
     * A large roster changes the member table's size by orders of magnitude within minutes, before autovacuum's
     * next analyse: PostgreSQL would then still plan the look-ups by number as if the table were empty (a scan of
     * every member per chunk of numbers: an 834 of 100,000 members applied right after a CSV of as many took three
     * minutes instead of seconds). Analysing once after a large insert keeps those look-ups on the index, for the
     * rest of this file and the next one. ANALYZE runs inside the transaction and sees its own new rows.
     */
    private void refreshStatistics(int added) {
        if (added >= ANALYSE_AFTER && postgres()) {
            jdbc.execute("analyze enrollee");
        }
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName()
                    .toLowerCase(java.util.Locale.ROOT).contains("postgresql"));
        }
        return postgres;
    }

    private void insert(long payerId, List<RosterPlan.Step> added, Map<String, Long> ids) {
        batch("""
                insert into enrollee (enrollee_number, payer_id, principal_id, relationship, first_name, last_name,
                    date_of_birth, status, cover_start, cover_end, primary_provider_id, plan_id, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", added, s -> {
                    Member m = s.after();
                    return new Object[] {m.number(), payerId, m.principalNumber() == null ? null : ids.get(m.principalNumber()),
                            m.relationship().name(), m.firstName(), m.lastName(), date(m.dateOfBirth()), m.status().name(),
                            date(m.coverStart()), date(m.coverEnd()), m.primaryProviderId(), m.planId()};
                }, new int[] {Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.DATE, Types.VARCHAR, Types.DATE, Types.DATE, Types.BIGINT, Types.BIGINT});
    }

    private Map<String, Long> idsOf(List<String> numbers) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : chunks(numbers)) {
            // By number alone (unique across the hub): its index answers once the statistics know the table (refreshStatistics).
            named.query("select id, enrollee_number from enrollee where enrollee_number in (:numbers)",
                    Map.of("numbers", chunk), rs -> {
                        ids.put(rs.getString(2), rs.getLong(1));
                    });
        }
        return ids;
    }

    private void batch(String sql, List<RosterPlan.Step> steps, Function<RosterPlan.Step, Object[]> values, int[] types) {
        for (int from = 0; from < steps.size(); from += BATCH) {
            List<Object[]> rows = new ArrayList<>();
            for (RosterPlan.Step step : steps.subList(from, Math.min(from + BATCH, steps.size()))) {
                rows.add(values.apply(step));
            }
            jdbc.batchUpdate(sql, rows, types);
        }
    }

    List<Rosters.AppliedFile> files(long payerId) {
        return jdbc.query("""
                select id, file_name, format, applied_by, applied_at, added, changed, terminated, unchanged
                from roster_file where payer_id = ? order by applied_at desc, id desc limit 200""",
                (rs, i) -> new Rosters.AppliedFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)), payerId);
    }

    List<Rosters.AuditEntry> audit(long payerId, String enrolleeNumber) {
        return jdbc.query("""
                select a.changed_at, a.changed_by, a.action, a.details, f.id, f.file_name
                from enrollee_audit a join enrollee e on e.id = a.enrollee_id left join roster_file f on f.id = a.roster_file_id
                where e.payer_id = ? and e.enrollee_number = ? order by a.changed_at, a.id""",
                (rs, i) -> new Rosters.AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), (Long) rs.getObject(5, Long.class), rs.getString(6)), payerId, enrolleeNumber);
    }

    private static List<List<String>> chunks(List<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += IN_CHUNK) {
            chunks.add(values.subList(from, Math.min(from + IN_CHUNK, values.size())));
        }
        return chunks;
    }

    private static String clip(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
