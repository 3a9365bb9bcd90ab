package com.hmoexchange.hub.payers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** How a payer receives claims, each with the section of payer.yaml (named by its code) that holds its settings. */
public enum Channel {
    HTTP(HttpSection.class, HttpSection::read),
    SFTP(SftpSection.class, SftpSection::read),
    EMAIL(EmailSection.class, EmailSection::read);

    private final Class<? extends ChannelSection> settings;
    private final Function<PayerYaml.Section, ChannelSection> reader;

    Channel(Class<? extends ChannelSection> settings, Function<PayerYaml.Section, ChannelSection> reader) {
        this.settings = settings;
        this.reader = reader;
    }

    /** As written in payer.yaml (the channel and the name of its section) and in the message store. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(Channel::code).toList();
    }

    ChannelSection read(PayerYaml.Section section) {
        return reader.apply(section);
    }

    static Channel of(Class<? extends ChannelSection> settings) {
        return Arrays.stream(values()).filter(c -> c.settings == settings).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(settings.getSimpleName() + " belongs to no channel"));
    }
}
