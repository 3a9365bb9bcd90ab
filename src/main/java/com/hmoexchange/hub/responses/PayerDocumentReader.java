package com.hmoexchange.hub.responses;

import java.io.InputStream;

/** Reads one payer document in one format. Refuses the whole document when any part cannot be read. */
public interface PayerDocumentReader {

    PayerDocument read(InputStream in) throws UnreadableDocument;
}
