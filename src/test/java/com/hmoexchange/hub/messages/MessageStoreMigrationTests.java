package com.hmoexchange.hub.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.support.ApiTest;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The move to a store partitioned by month (V18 on PostgreSQL) keeps every message with its id, puts each in its
 * month, and new messages go on from the highest id. Run on a schema of its own, from V1.
 */
class MessageStoreMigrationTests extends ApiTest {

    private static final String SCHEMA = "message_store_migration";

    @Autowired
    DataSource dataSource;

    @Test
    void every_message_is_kept_with_its_id_in_its_months_partition() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
        migrate("17.1", "classpath:db/migration");
        jdbc.update("insert into " + SCHEMA + ".message_record (direction, channel, payer_code, claim_number, idempotency_key, "
                + "attempt, outcome, payload, started_at, finished_at) values "
                + "('OUT', 'http', 'acme-hmo', 'CLM-1', 'CLM-1-1', 1, 'FAILED', 'first try', '2024-03-31 23:59:59+00', '2024-04-01 00:00:01+00'), "
                + "('OUT', 'http', 'acme-hmo', 'CLM-1', 'CLM-1-2', 2, 'DELIVERED', 'second try', '2024-04-01 00:00:00+00', '2024-04-01 00:00:02+00')");

        migrate("18.1", "classpath:db/migration", "classpath:db/vendor/postgresql");

        List<Map<String, Object>> rows = jdbc.queryForList("select id, tableoid::regclass::text as part, outcome, payload from "
                + SCHEMA + ".message_record order by id");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("id", 1L).containsEntry("part", SCHEMA + ".message_record_y2024m03")
                .containsEntry("outcome", "FAILED").containsEntry("payload", "first try");
        assertThat(rows.get(1)).containsEntry("id", 2L).containsEntry("part", SCHEMA + ".message_record_y2024m04")
                .containsEntry("outcome", "DELIVERED").containsEntry("payload", "second try");
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        assertThat(jdbc.queryForList("select c.relname::text from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                + "where i.inhparent = '" + SCHEMA + ".message_record'::regclass", String.class))
                .contains("message_record_default", name(current), name(current.plusMonths(1)));
        Long next = jdbc.queryForObject("insert into " + SCHEMA + ".message_record (direction, channel, payer_code, attempt, outcome, "
                + "started_at) values ('OUT', 'http', 'acme-hmo', 1, 'IN_FLIGHT', now()) returning id", Long.class);
        assertThat(next).isEqualTo(3L);
        jdbc.execute("drop schema " + SCHEMA + " cascade");
    }

    private void migrate(String version, String... locations) {
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations(locations).target(version).load().migrate();
    }

    private static String name(YearMonth month) {
        return String.format("message_record_y%04dm%02d", month.getYear(), month.getMonthValue());
    }
}
