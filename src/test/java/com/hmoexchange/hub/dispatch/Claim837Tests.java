package com.hmoexchange.hub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.hmoexchange.hub.claims.CanonicalClaim;
import com.hmoexchange.hub.ingest.SetAcknowledgement;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Claim837Tests {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void theInterchangeIsWellFormedX12WithCountsAndControlNumbersThatAgree() throws Exception {
        String x12 = Claim837.write(sample());

        List<String> errors = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        EDIStreamReader reader = EDIInputFactory.newFactory()
                .createEDIStreamReader(new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)));
        while (reader.hasNext()) {
            EDIStreamEvent event = reader.next();
            if (event.isError()) {
                errors.add(reader.getErrorType() + " at " + reader.getLocation().getSegmentTag());
            } else if (event == EDIStreamEvent.START_SEGMENT) {
                tags.add(reader.getText());
            }
        }
        assertThat(errors).isEmpty();
        assertThat(tags).startsWith("ISA", "GS", "ST", "BHT").endsWith("SE", "GE", "IEA");
    }

    @Test
    void aPayersAcknowledgementOfTheSetNamesTheClaim() throws Exception {
        String x12 = Claim837.write(sample());
        String setControl = x12.lines().filter(l -> l.startsWith("ST*")).findFirst().orElseThrow().split("\\*")[2];

        assertThat(new SetAcknowledgement(setControl, false, List.of()).claimNumber()).isEqualTo("CLM-00000042");
    }

    @Test
    void aDependentIsThePatientUnderThePrincipalsCover() throws Exception {
        String x12 = Claim837.write(sample());

        assertThat(x12).contains("NM1*IL*1******MI*ZCA/30001/0~", "PAT*19~", "NM1*QC*1*ADEWALE*TOBI****MI*ZCA/30001/1~");
    }

    private static CanonicalClaim sample() throws Exception {
        return JSON.readValue(Path.of("mappings/zenith-care/samples/two-lines.input.json").toFile(), CanonicalClaim.class);
    }
}
