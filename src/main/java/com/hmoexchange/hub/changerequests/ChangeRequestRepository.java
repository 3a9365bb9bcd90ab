package com.hmoexchange.hub.changerequests;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ChangeRequestRepository extends JpaRepository<ChangeRequest, Long>, JpaSpecificationExecutor<ChangeRequest> {

    List<ChangeRequest> findByEnrolleeIdAndKindAndStatus(long enrolleeId, ChangeKind kind, ChangeStatus status);

    /** Approved requests that changed or created an enrollee, oldest first: its audit trail. */
    @Query("""
            select r from ChangeRequest r where r.status = com.hmoexchange.hub.changerequests.ChangeStatus.APPROVED
              and (r.resultEnrolleeId = :enrolleeId or (r.enrolleeId = :enrolleeId and r.kind <> com.hmoexchange.hub.changerequests.ChangeKind.ADD_DEPENDENT))
            order by r.decidedAt, r.id""")
    List<ChangeRequest> appliedTo(@Param("enrolleeId") long enrolleeId);
}
