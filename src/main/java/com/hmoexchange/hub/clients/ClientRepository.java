package com.hmoexchange.hub.clients;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClientRepository extends JpaRepository<Client, Long> {

    Optional<Client> findByCode(String code);

    List<Client> findByPayerIdOrderByName(long payerId);
}
