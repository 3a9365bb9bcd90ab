package com.hmoexchange.hub.claims;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentContentRepository extends JpaRepository<AttachmentContent, Long> {

    @Query("select count(a) from Claim c join c.attachments a where a.contentId = :contentId")
    long countReferences(long contentId);
}
