package com.hmoexchange.hub.tariffs;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TariffRepository extends JpaRepository<Tariff, Long> {

    /** The price in force on a date; periods of one code do not overlap, the latest start wins if they do. */
    @Query("""
            select t from Tariff t
            where t.providerId = :providerId and t.payerId = :payerId and t.serviceCode = :serviceCode
              and t.validFrom <= :date and (t.validTo is null or t.validTo >= :date)
            order by t.validFrom desc limit 1""")
    Optional<Tariff> findInForce(long providerId, long payerId, String serviceCode, LocalDate date);

    List<Tariff> findByProviderIdAndPayerIdOrderByServiceCodeAscValidFromAsc(long providerId, long payerId);

    List<Tariff> findByProviderIdOrderByPayerIdAscServiceCodeAscValidFromAsc(long providerId);
}
