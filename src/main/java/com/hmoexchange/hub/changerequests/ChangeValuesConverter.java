package com.hmoexchange.hub.changerequests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Keeps a request's before and after values as JSON text: what was asked stays readable as asked. */
@Converter
class ChangeValuesConverter implements AttributeConverter<ChangeValues, String> {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    public String convertToDatabaseColumn(ChangeValues values) {
        try {
            return values == null ? null : JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ChangeValues convertToEntityAttribute(String text) {
        try {
            return text == null ? null : JSON.readValue(text, ChangeValues.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable change values: " + e.getOriginalMessage(), e);
        }
    }
}
