package com.hmoexchange.hub.tariffs;

import java.sql.Date;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes an uploaded tariff's rows as JDBC batches: a 10,000-row price list is ten round trips. */
@Repository
class TariffStore {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    TariffStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the contract's row until the transaction ends, so two uploads for it get numbers one after the other. */
    void lockContract(long contractId) {
        jdbc.queryForObject("select id from contract where id = ? for update", Long.class, contractId);
    }

    void insert(TariffVersion version, String currency, List<TariffCsv.Row> rows) {
        int[] types = {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.VARCHAR, Types.DATE,
                Types.DATE, Types.BIGINT};
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Object[]> batch = new ArrayList<>();
            for (TariffCsv.Row r : rows.subList(from, Math.min(from + BATCH, rows.size()))) {
                batch.add(new Object[] {version.getProviderId(), version.getPayerId(), r.serviceCode(), r.description(),
                        r.unitPrice(), currency, Date.valueOf(r.validFrom()), r.validTo() == null ? null : Date.valueOf(r.validTo()),
                        version.getId()});
            }
            jdbc.batchUpdate("""
                    insert into tariff (provider_id, payer_id, service_code, description, unit_price, currency, valid_from,
                        valid_to, version_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch, types);
        }
    }
}
