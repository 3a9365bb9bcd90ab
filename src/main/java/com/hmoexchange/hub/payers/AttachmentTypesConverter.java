package com.hmoexchange.hub.payers;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a payer's required attachment types as a comma-separated column. */
@Converter
class AttachmentTypesConverter implements AttributeConverter<Set<AttachmentType>, String> {

    @Override
    public String convertToDatabaseColumn(Set<AttachmentType> types) {
        return types == null ? "" : types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    @Override
    public Set<AttachmentType> convertToEntityAttribute(String column) {
        EnumSet<AttachmentType> types = EnumSet.noneOf(AttachmentType.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(String::trim).map(AttachmentType::valueOf).forEach(types::add);
        }
        return types;
    }
}
