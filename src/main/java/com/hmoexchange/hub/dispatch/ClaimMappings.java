package com.hmoexchange.hub.dispatch;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.MappingLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The canonical claim through its payer's JSONata mapping (mappings/&lt;payer&gt;/claim-out.jsonata).
 * Each mapping is compiled once per dispatch thread and then reused: compiling it for every claim cost
 * more than evaluating it. Like the rest of payer.yaml's folder, a changed mapping takes effect on restart.
 * Each evaluation runs within {@link MappingLimits}: a mapping that loops is stopped and the claim is not sent
 * (its delivery fails with the reason, as for any mapping error).
 */
@Component
class ClaimMappings {

    /** A compiled expression keeps state while it evaluates, so each thread has its own. */
    private final ThreadLocal<Map<Path, Jsonata>> compiled = ThreadLocal.withInitial(HashMap::new);
    private final ObjectMapper json = new ObjectMapper();
    private final MappingLimits limits;

    ClaimMappings() {
        this(MappingLimits.DEFAULT);
    }

    @Autowired
    ClaimMappings(MappingLimits limits) {
        this.limits = limits;
    }

    String map(String canonicalJson, Path mapping) throws JsonProcessingException {
        Jsonata expression = compiled.get().computeIfAbsent(mapping, ClaimMappings::compile);
        return json.writeValueAsString(limits.evaluate(expression, json.readValue(canonicalJson, Object.class)));
    }

    private static Jsonata compile(Path mapping) {
        try {
            return Jsonata.jsonata(Files.readString(mapping, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the claim mapping " + mapping, e);
        }
    }
}
