package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.payers.AttachmentType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Submit refused because the payer requires attachments the claim lacks; the problem body names them. */
class MissingAttachments extends RuleViolation {

    private final Set<AttachmentType> missing;

    MissingAttachments(String message, Set<AttachmentType> missing) {
        super("claim-not-submittable", message);
        this.missing = Set.copyOf(missing);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("missingAttachments", names());
    }

    /** The missing attachment types, sorted by name. */
    List<String> names() {
        return missing.stream().map(Enum::name).sorted().toList();
    }
}
