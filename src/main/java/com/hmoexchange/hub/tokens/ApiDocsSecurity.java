package com.hmoexchange.hub.tokens;

import com.hmoexchange.hub.security.ApiSignInSettings;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description's sign-in schemes: API tokens (bearer) always, people's HTTP Basic while
 * {@code hub.security.basic-auth} is on. Either one opens an endpoint (within the token's scopes).
 */
@Configuration
class ApiDocsSecurity {

    static final String TOKEN = "apiToken";
    static final String BASIC = "basicAuth";

    @Bean
    OpenApiCustomizer apiSignInSchemes(ApiSignInSettings settings) {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat(ApiTokens.PREFIX + "…")
                    .description("An API token made under People → API tokens (POST /api/tokens), shown once. It acts for "
                            + "its practice or HMO with its scopes only; see docs/security.md for the endpoints each scope opens."));
            api.addSecurityItem(new SecurityRequirement().addList(TOKEN));
            if (settings.basicAuth()) {
                api.getComponents().addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A person's user name and password (turned off by hub.security.basic-auth=false)."));
                api.addSecurityItem(new SecurityRequirement().addList(BASIC));
            }
        };
    }
}
