package com.hmoexchange.hub.organisations;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface HmoRepository extends JpaRepository<Hmo, Long> {

    Optional<Hmo> findByCode(String code);
}
