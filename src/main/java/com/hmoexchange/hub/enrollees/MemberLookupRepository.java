package com.hmoexchange.hub.enrollees;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MemberLookupRepository extends JpaRepository<MemberLookup, Long> {

    List<MemberLookup> findTop200ByEnrolleeIdOrderByLookedUpAtDesc(long enrolleeId);
}
