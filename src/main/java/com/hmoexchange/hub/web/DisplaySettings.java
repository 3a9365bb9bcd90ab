package com.hmoexchange.hub.web;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param timeZone the zone in which pages and emails show times (HUB_DISPLAY_TIME_ZONE, default Africa/Lagos);
 *     the hub stores and computes in UTC whatever this says
 */
@ConfigurationProperties("hub.display")
record DisplaySettings(ZoneId timeZone) {

    DisplaySettings {
        timeZone = timeZone == null ? ZoneId.of("Africa/Lagos") : timeZone;
    }
}
