package com.hmoexchange.hub.payers;

import java.util.List;

/** What the core reads from a payer's {@code payer.yaml}; dispatch reads the rest of the file. */
public record PayerDefinition(String code, String name, Channel channel, String format,
        List<AttachmentType> requiredAttachments, int staleAfterDays) {
}
