package com.hmoexchange.hub.responses.x12;

import com.hmoexchange.hub.responses.ClaimAdjudication;
import com.hmoexchange.hub.responses.PayerResponse;
import com.hmoexchange.hub.responses.ResponseReader;
import com.hmoexchange.hub.responses.Remittance;
import com.hmoexchange.hub.responses.SetAcknowledgement;
import com.hmoexchange.hub.responses.UnreadableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads an X12 5010 interchange from a payer: 999 acknowledgements, 277CA claim acknowledgements and 835
 * remittances, in any mix of transaction sets. Each set is read segment by segment by its own reader; a
 * transaction type the hub does not take makes the whole document unreadable rather than half-read.
 */
@Component("x12")
public class X12Responses implements ResponseReader {

    @Override
    public PayerResponse read(InputStream in) throws UnreadableResponse {
        List<ClaimAdjudication> adjudications = new ArrayList<>();
        List<Remittance> remittances = new ArrayList<>();
        List<SetAcknowledgement> acknowledgements = new ArrayList<>();
        boolean sawInterchange = false;
        try (SegmentReader segments = new SegmentReader(in)) {
            for (Segment segment = segments.next(); segment != null; segment = segments.next()) {
                sawInterchange |= segment.is("ISA");
                if (!segment.is("ST")) {
                    continue;
                }
                switch (segment.element(1)) {
                    case "999" -> acknowledgements.addAll(new Acknowledgement999().read(segments));
                    case "277" -> adjudications.addAll(new ClaimAcknowledgement277().read(segments));
                    case "835" -> remittances.add(new Remittance835().read(segments));
                    default -> throw new UnreadableResponse(segment.number(), ("Transaction set %s is not one the hub "
                            + "reads from payers (999, 277CA, 835)").formatted(segment.element(1)));
                }
            }
        } catch (IOException e) {
            throw new UnreadableResponse(0, "Could not read the file: " + e.getMessage(), e);
        }
        if (!sawInterchange) {
            throw new UnreadableResponse(0, "Not an X12 interchange: no ISA segment");
        }
        return new PayerResponse(adjudications, remittances, acknowledgements);
    }
}
