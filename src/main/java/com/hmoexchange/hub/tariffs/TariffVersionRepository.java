package com.hmoexchange.hub.tariffs;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TariffVersionRepository extends JpaRepository<TariffVersion, Long> {

    List<TariffVersion> findByProviderIdAndPayerIdOrderByNumberDesc(long providerId, long payerId);

    /** The version that governs the date: the latest upload taking effect on or before it. */
    @Query("""
            select v from TariffVersion v where v.providerId = :providerId and v.payerId = :payerId
              and v.takesEffect <= :date order by v.number desc limit 1""")
    Optional<TariffVersion> governing(long providerId, long payerId, LocalDate date);

    @Query("select coalesce(max(v.number), 0) from TariffVersion v where v.providerId = :providerId and v.payerId = :payerId")
    int lastNumber(long providerId, long payerId);
}
