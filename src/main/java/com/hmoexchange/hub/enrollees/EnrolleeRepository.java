package com.hmoexchange.hub.enrollees;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EnrolleeRepository extends JpaRepository<Enrollee, Long> {

    Optional<Enrollee> findByEnrolleeNumber(String enrolleeNumber);
}
