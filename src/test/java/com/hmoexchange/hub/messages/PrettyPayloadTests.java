package com.hmoexchange.hub.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.messages.PrettyPayload.Format;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator reads a payload laid out by its format; what is not that format is shown exactly as it came. */
class PrettyPayloadTests {

    @Test
    void json_is_indented() {
        PrettyPayload pretty = PrettyPayload.of("{\"claim\":{\"number\":\"CLM-1\",\"lines\":[1,2]}}");

        assertThat(pretty.format()).isEqualTo(Format.JSON);
        assertThat(pretty.text().lines()).hasSizeGreaterThan(4).contains("  \"claim\" : {", "    \"number\" : \"CLM-1\",");
    }

    @Test
    void xml_is_indented_and_a_doctype_is_not_followed() {
        PrettyPayload pretty = PrettyPayload.of("<Claim><Number>CLM-1</Number><Line><Code>A</Code></Line></Claim>");

        assertThat(pretty.format()).isEqualTo(Format.XML);
        assertThat(pretty.text().lines()).containsExactly("<Claim>", "  <Number>CLM-1</Number>", "  <Line>",
                "    <Code>A</Code>", "  </Line>", "</Claim>");

        String withEntity = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        PrettyPayload refused = PrettyPayload.of(withEntity);
        assertThat(refused.format()).isEqualTo(Format.TEXT);
        assertThat(refused.text()).isEqualTo(withEntity);
    }

    @Test
    void x12_has_one_segment_per_line() {
        String isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261121*1200*^*00501*000000001*0*P*:~";
        PrettyPayload pretty = PrettyPayload.of(isa + "GS*HC*S*R*20261121*1200*1*X*005010X222A1~ST*837*0001~SE*2*0001~");

        assertThat(pretty.format()).isEqualTo(Format.X12);
        assertThat(pretty.text().lines()).containsExactly(isa, "GS*HC*S*R*20261121*1200*1*X*005010X222A1~", "ST*837*0001~",
                "SE*2*0001~");
    }

    @Test
    void csv_becomes_rows_of_a_table() {
        PrettyPayload pretty = PrettyPayload.of("claim_number,amount,note\nCLM-1,4500.00,\"fever, cough\"\nCLM-2,100,\n");

        assertThat(pretty.format()).isEqualTo(Format.CSV);
        assertThat(pretty.isTable()).isTrue();
        assertThat(pretty.rows()).containsExactly(List.of("claim_number", "amount", "note"),
                List.of("CLM-1", "4500.00", "fever, cough"), List.of("CLM-2", "100", ""));
    }

    @Test
    void text_that_only_looks_like_a_format_is_shown_as_it_came() {
        assertThat(PrettyPayload.of("{not json").format()).isEqualTo(Format.TEXT);
        assertThat(PrettyPayload.of("{not json").text()).isEqualTo("{not json");
        assertThat(PrettyPayload.of("Dear payer, here is our claim.").format()).isEqualTo(Format.TEXT);
        assertThat(PrettyPayload.of(null).text()).isEmpty();
    }
}
