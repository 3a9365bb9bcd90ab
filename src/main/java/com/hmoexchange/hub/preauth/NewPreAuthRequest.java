package com.hmoexchange.hub.preauth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** What billing staff send to ask for a PA code. */
@Schema(description = "A request for a pre-authorisation code")
public record NewPreAuthRequest(
        @Schema(description = "The member's enrollee number", example = "ACME/1001/0") @NotBlank @Size(max = 40) String enrolleeNumber,
        @Schema(description = "ROUTINE or URGENT wait for the HMO; EMERGENCY proceeds at once under the hub's code")
        @NotNull Urgency urgency,
        @NotEmpty @Size(max = 50) List<@Valid Service> services,
        @Schema(description = "ICD-10 codes", example = "[\"K35.8\"]") @NotEmpty @Size(max = 12) List<@NotBlank @Size(max = 10) String> diagnoses,
        @Size(max = 2000) String notes) {

    public record Service(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String description,
            @Min(1) int quantity, @NotNull @DecimalMin("0.00") BigDecimal unitPrice) {
    }
}
