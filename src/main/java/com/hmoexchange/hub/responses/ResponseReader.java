package com.hmoexchange.hub.responses;

import java.io.InputStream;

/** Reads one payer document in one format. Refuses the whole document when any part cannot be read. */
public interface ResponseReader {

    PayerResponse read(InputStream in) throws UnreadableResponse;
}
