package com.hmoexchange.hub.enrollees;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EnrolleeRepository extends JpaRepository<Enrollee, Long> {

    Optional<Enrollee> findByEnrolleeNumber(String enrolleeNumber);

    /** The enrollee with their principal loaded, for answers given outside a transaction. */
    @Query("select e from Enrollee e left join fetch e.principal where e.enrolleeNumber = :enrolleeNumber")
    Optional<Enrollee> findWithPrincipal(@Param("enrolleeNumber") String enrolleeNumber);

    List<Enrollee> findByPrincipalIdOrderByEnrolleeNumber(long principalId);

    boolean existsByEnrolleeNumber(String enrolleeNumber);

    /** A client's principals whose number or name contains the text (case-insensitive). */
    @Query("""
            select e from Enrollee e where e.clientId = :clientId and e.principal is null
              and (lower(e.enrolleeNumber) like :pattern or lower(e.firstName) like :pattern
                   or lower(e.lastName) like :pattern or lower(concat(e.firstName, ' ', e.lastName)) like :pattern)
            order by e.lastName, e.firstName, e.enrolleeNumber""")
    List<Enrollee> searchPrincipals(@Param("clientId") long clientId, @Param("pattern") String pattern, Pageable page);

    @Query(value = "select nextval('enrollee_number_seq')", nativeQuery = true)
    long nextPrincipalSerial();
}
