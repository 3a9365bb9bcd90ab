package com.hmoexchange.hub.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Opens an uploaded CSV file as spreadsheet programs and other systems write it: UTF-8 with or without a
 * byte-order mark, or UTF-16 with its mark. Line ends (CRLF or LF) are the CSV parser's business.
 */
public final class CsvText {

    private CsvText() {
    }

    public static Reader open(InputStream in) throws IOException {
        BOMInputStream bom = BOMInputStream.builder().setInputStream(in)
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
        Charset charset = bom.hasBOM() ? Charset.forName(bom.getBOMCharsetName()) : StandardCharsets.UTF_8;
        return new InputStreamReader(bom, charset);
    }
}
