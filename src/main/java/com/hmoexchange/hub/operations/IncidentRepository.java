package com.hmoexchange.hub.operations;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentRepository extends JpaRepository<Incident, Long> {

    List<Incident> findByClosedAtIsNullOrderByOpenedAtAsc();

    Page<Incident> findByClosedAtIsNotNullOrderByClosedAtDescIdDesc(Pageable page);

    List<Incident> findByKindAndSubjectOrderByIdAsc(IncidentKind kind, String subject);
}
