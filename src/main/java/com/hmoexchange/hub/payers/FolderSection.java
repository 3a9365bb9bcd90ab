package com.hmoexchange.hub.payers;

/** SCRATCH: a payer that takes claims as files in a shared folder ({@code folder:}). */
public record FolderSection(String path) implements ChannelSection {

    static FolderSection read(PayerYaml.Section folder) {
        folder.only("path");
        return new FolderSection(folder.text("path", ""));
    }
}
