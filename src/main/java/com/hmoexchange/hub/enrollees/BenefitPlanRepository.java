package com.hmoexchange.hub.enrollees;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BenefitPlanRepository extends JpaRepository<BenefitPlan, Long> {

    Optional<BenefitPlan> findByPayerIdAndCode(long payerId, String code);

    List<BenefitPlan> findByPayerIdOrderByCode(long payerId);
}
