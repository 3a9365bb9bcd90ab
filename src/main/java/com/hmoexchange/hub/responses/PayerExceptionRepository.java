package com.hmoexchange.hub.responses;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface PayerExceptionRepository extends JpaRepository<PayerException, Long>, JpaSpecificationExecutor<PayerException> {
}
