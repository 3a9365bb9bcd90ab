package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.enrollees.Relationship;
import com.hmoexchange.hub.web.FormErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads a change form as typed (kept as text, so a page shown again loses nothing) into the
 * {@link RequestedChange} the API takes, checked with the API's own constraints.
 */
@Component
class ChangeForm {

    private final Validator validator;

    ChangeForm(Validator validator) {
        this.validator = validator;
    }

    RequestedChange read(ChangeKind kind, String enrolleeNumber, Map<String, String> form, FormErrors errors) {
        RequestedChange change = new RequestedChange(kind, enrolleeNumber, relationship(form, errors), text(form, "firstName"),
                text(form, "lastName"), date(form, "dateOfBirth", errors), text(form, "primaryProvider"), text(form, "plan"),
                date(form, "coverStart", errors), text(form, "note"));
        for (ConstraintViolation<RequestedChange> v : validator.validate(change)) {
            errors.field(v.getPropertyPath().toString(), "This " + v.getMessage() + ".");
        }
        return change;
    }

    private static String text(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static LocalDate date(Map<String, String> form, String field, FormErrors errors) {
        String value = text(form, field);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.field(field, "Enter the date as year-month-day, for example 2025-03-14.");
            return null;
        }
    }

    private static Relationship relationship(Map<String, String> form, FormErrors errors) {
        String value = text(form, "relationship");
        if (value == null) {
            return null;
        }
        try {
            return Relationship.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.field("relationship", "Choose spouse or child.");
            return null;
        }
    }
}
