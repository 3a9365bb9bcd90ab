package com.hmoexchange.hub.payers;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on evaluating a payer's JSONata mapping ({@code hub.mappings}): a mapping that loops or recurses without end
 * is stopped by the library's own time box, with an error that says so, before anything is applied or sent.
 *
 * @param timeLimit how long one evaluation may run
 * @param maxDepth  how deeply expressions may nest while evaluating (a runaway recursion stops here, not in a stack overflow)
 */
@ConfigurationProperties("hub.mappings")
public record MappingLimits(@DefaultValue("5s") Duration timeLimit, @DefaultValue("200") int maxDepth) {

    public static final MappingLimits DEFAULT = new MappingLimits(Duration.ofSeconds(5), 200);

    public MappingLimits {
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("hub.mappings.time-limit (HUB_MAPPING_TIME_LIMIT) must be more than 0, e.g. 5s");
        }
        if (maxDepth < 10) {
            throw new IllegalArgumentException("hub.mappings.max-depth must be 10 or more");
        }
    }

    /** Thrown when a mapping runs past the time limit or the depth: the message names the limit and the setting. */
    public static final class MappingStopped extends RuntimeException {
        MappingStopped(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Evaluates the expression on the input within the limits, in a frame of its own (the compiled expression may be
     * reused). A stopped evaluation is {@link MappingStopped}; the mapping's other errors stay {@link JException}.
     */
    public Object evaluate(Jsonata expression, Object input) {
        Jsonata.Frame frame = expression.createFrame();
        frame.setRuntimeBounds(timeLimit.toMillis(), maxDepth);
        try {
            return expression.evaluate(input, frame);
        } catch (JException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("timeout")) {
                throw new MappingStopped("the mapping was stopped after " + timeLimit.toMillis() + " ms (hub.mappings.time-limit): "
                        + "it runs too long or loops; check it against the payer's samples", e);
            }
            if (message.contains("Stack overflow")) {
                throw new MappingStopped("the mapping was stopped at " + maxDepth + " nested steps (hub.mappings.max-depth): "
                        + "it recurses without end; check it against the payer's samples", e);
            }
            throw e;
        }
    }
}
