package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.enrollees.DependentsPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Change-request settings ({@code hub.changerequests}). The bulk intake's servers are read by its route
 * (routes/client-requests.camel.yaml).
 *
 * @param dependents the dependents policy for enrollees whose plan does not set one
 * @param bulkMaxRows rows one bulk request file may hold; a longer one is refused whole (HUB_BULK_MAX_ROWS)
 */
@ConfigurationProperties("hub.changerequests")
@Validated
record ChangeRequestSettings(@Valid @NotNull Dependents dependents,
        @Min(value = 1, message = "must be 1 or more (HUB_BULK_MAX_ROWS)") @DefaultValue("5000") int bulkMaxRows) {

    /**
     * @param maxSpouses spouses a principal may cover (HUB_DEPENDENTS_MAX_SPOUSES)
     * @param maxChildren children a principal may cover (HUB_DEPENDENTS_MAX_CHILDREN)
     * @param childMaxAge a child is covered while younger than this (HUB_DEPENDENTS_CHILD_MAX_AGE)
     */
    record Dependents(@PositiveOrZero(message = "must be 0 or more (HUB_DEPENDENTS_MAX_SPOUSES)") int maxSpouses,
            @PositiveOrZero(message = "must be 0 or more (HUB_DEPENDENTS_MAX_CHILDREN)") int maxChildren,
            @Min(value = 1, message = "must be 1 or more (HUB_DEPENDENTS_CHILD_MAX_AGE)") int childMaxAge) {

        DependentsPolicy policy() {
            return new DependentsPolicy(maxSpouses, maxChildren, childMaxAge);
        }
    }
}
