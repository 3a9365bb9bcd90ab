package com.hmoexchange.hub.attachments;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What an attachment may be ({@code hub.attachments}), the same for claims and pre-authorisation requests.
 *
 * @param maxBytes the largest attachment accepted, in bytes (HUB_ATTACHMENT_MAX_BYTES)
 */
@ConfigurationProperties("hub.attachments")
@Validated
record AttachmentSettings(
        @Min(value = 1, message = "must be 1 byte or more, e.g. 10485760 for 10 MB (HUB_ATTACHMENT_MAX_BYTES)") long maxBytes) {
}
