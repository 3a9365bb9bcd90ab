package com.hmoexchange.hub.attachments;

import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentContentRepository extends JpaRepository<AttachmentContent, Long> {
}
