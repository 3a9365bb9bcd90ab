package com.hmoexchange.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HubApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(HubApplication.class);
        // HUB_STARTUP_STEPS=true records how long each step of the start took; node/StartupSteps logs the slowest.
        if (Boolean.parseBoolean(System.getenv("HUB_STARTUP_STEPS"))) {
            application.setApplicationStartup(new BufferingApplicationStartup(20_000));
        }
        application.run(args);
    }
}
