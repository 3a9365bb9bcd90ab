package com.hmoexchange.hub.payers;

/**
 * The settings of one {@link Channel}: its section of payer.yaml ({@code http:}, {@code sftp:}, {@code email:}).
 * Each is a record that reads and checks its own section (a static {@code read(PayerYaml.Section)} named by its
 * {@link Channel} constant), so a new channel brings its settings in one file and leaves {@link PayerYaml} and
 * {@link PayerSettings} as they are. Read them with {@link PayerSettings#section(Class)}.
 */
public interface ChannelSection {
}
