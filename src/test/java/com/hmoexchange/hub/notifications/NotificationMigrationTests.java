package com.hmoexchange.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.support.ApiTest;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migration to one store (V8) keeps every notice with its read state: the HMO's move over from
 * their own table, the practices' and operators' keep their ids. Run on a schema of its own, from V1.
 */
class NotificationMigrationTests extends ApiTest {

    private static final String SCHEMA = "notification_migration";

    @Autowired
    DataSource dataSource;

    @Test
    void every_notice_and_its_read_state_is_kept_in_the_one_store() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
        migrateTo("7");
        jdbc.update("insert into " + SCHEMA + ".provider (code, name) values ('clinic', 'Clinic')");
        jdbc.update("insert into " + SCHEMA + ".payer (code, name, channel, claim_format, updated_at) "
                + "values ('acme', 'Acme', 'HTTP', 'JSON', current_timestamp)");
        jdbc.update("insert into " + SCHEMA + ".notification (audience, provider_id, kind, claim_number, message, created_at, read_at, read_by) "
                + "values ('PRACTICE', 1, 'CLAIM_PAID', 'CLM-1', 'Claim CLM-1 paid', current_timestamp, current_timestamp, 'ada')");
        jdbc.update("insert into " + SCHEMA + ".notification (audience, kind, message, created_at) "
                + "values ('OPERATORS', 'FILE_QUARANTINED', 'Document x.csv quarantined', current_timestamp)");
        jdbc.update("insert into " + SCHEMA + ".hmo_notification (payer_id, message, created_at, read_at, read_by) "
                + "values (1, 'Acme Ltd sent 2 request(s) in file staff.csv', current_timestamp, current_timestamp, 'hmo.admin')");
        jdbc.update("insert into " + SCHEMA + ".hmo_notification (payer_id, message, created_at) "
                + "values (1, 'Acme Ltd sent 1 request(s) in file more.csv', current_timestamp)");

        migrateTo("8");

        List<Map<String, Object>> rows = jdbc.queryForList("select id, audience, owner_id, kind, claim_number, message, read_by, "
                + "read_at is not null as read from " + SCHEMA + ".notification order by id");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsEntry("id", 1L).containsEntry("audience", "PRACTICE").containsEntry("owner_id", 1L)
                .containsEntry("claim_number", "CLM-1").containsEntry("read_by", "ada").containsEntry("read", true);
        assertThat(rows.get(1)).containsEntry("id", 2L).containsEntry("audience", "OPERATORS").containsEntry("owner_id", null)
                .containsEntry("read", false);
        assertThat(rows.get(2)).containsEntry("audience", "HMO").containsEntry("owner_id", 1L)
                .containsEntry("kind", "CHANGE_REQUESTS_RECEIVED").containsEntry("message", "Acme Ltd sent 2 request(s) in file staff.csv")
                .containsEntry("read_by", "hmo.admin").containsEntry("read", true);
        assertThat(rows.get(3)).containsEntry("audience", "HMO").containsEntry("read", false);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = ? and table_name = 'hmo_notification'",
                Long.class, SCHEMA)).isZero();
        jdbc.execute("drop schema " + SCHEMA + " cascade");
    }

    private void migrateTo(String version) {
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration").target(version)
                .load().migrate();
    }
}
