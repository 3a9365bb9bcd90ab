package com.hmoexchange.hub.tariffs;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TariffRepository extends JpaRepository<Tariff, Long> {

    /**
     * The price in force on a date: from the tariff version that governs the date (the latest upload taking
     * effect on or before it), or, before any upload took effect, from the rows entered without a version.
     */
    @Query("""
            select t from Tariff t
            where t.providerId = :providerId and t.payerId = :payerId and t.serviceCode = :serviceCode
              and t.validFrom <= :date and (t.validTo is null or t.validTo >= :date)
              and ((t.versionId is null and not exists (select v.id from TariffVersion v where v.providerId = :providerId
                        and v.payerId = :payerId and v.takesEffect <= :date))
                   or t.versionId = (select v.id from TariffVersion v where v.providerId = :providerId
                        and v.payerId = :payerId and v.number = (select max(w.number) from TariffVersion w
                            where w.providerId = :providerId and w.payerId = :payerId and w.takesEffect <= :date)))
            order by t.validFrom desc limit 1""")
    Optional<Tariff> findInForce(long providerId, long payerId, String serviceCode, LocalDate date);

    List<Tariff> findByProviderIdAndPayerIdOrderByServiceCodeAscValidFromAsc(long providerId, long payerId);

    List<Tariff> findByProviderIdOrderByPayerIdAscServiceCodeAscValidFromAsc(long providerId);

    List<Tariff> findByVersionIdOrderByServiceCodeAscValidFromAsc(long versionId);

    /** Rows entered before uploads, in force on the date. */
    @Query("""
            select t from Tariff t where t.providerId = :providerId and t.payerId = :payerId and t.versionId is null
              and t.validFrom <= :date and (t.validTo is null or t.validTo >= :date) order by t.serviceCode""")
    List<Tariff> unversionedInForce(long providerId, long payerId, LocalDate date);
}
