package com.hmoexchange.hub.payers;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PayerRepository extends JpaRepository<Payer, Long> {

    Optional<Payer> findByCode(String code);

    List<Payer> findByHmoIdOrderByCode(long hmoId);
}
