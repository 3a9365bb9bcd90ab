package com.hmoexchange.hub.organisations;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ContractRepository extends JpaRepository<Contract, Long> {

    List<Contract> findByProviderIdAndPayerIdOrderByStartsOn(long providerId, long payerId);

    List<Contract> findByProviderIdOrderByStartsOnDesc(long providerId);

    List<Contract> findByPayerIdOrderByStartsOnDesc(long payerId);

    List<Contract> findByProviderIdIn(Collection<Long> providerIds, Sort sort);

    @Query("""
            select c from Contract c where c.providerId = :providerId and c.startsOn <= :day
            and (c.endsOn is null or c.endsOn >= :day)""")
    List<Contract> runningOn(long providerId, LocalDate day);
}
