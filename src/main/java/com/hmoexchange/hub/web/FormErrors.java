package com.hmoexchange.hub.web;

import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.common.SqlStates;
import com.hmoexchange.hub.common.StaleVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What went wrong with a submitted form, for the page: a message per field (shown next to it) and
 * one for the page. The services' refusals are mapped here: InvalidInput names its field, a business
 * rule or a missing record is about the whole form. The page renders them with {@code errors}.
 */
public final class FormErrors {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private String page;

    /** The binding's own errors (a date that is not a date, a required field left empty). */
    public static FormErrors of(BindingResult binding) {
        FormErrors errors = new FormErrors();
        for (FieldError error : binding.getFieldErrors()) {
            errors.fields.putIfAbsent(error.getField(), error.isBindingFailure()
                    ? "This is not a valid value." : error.getDefaultMessage());
        }
        binding.getGlobalErrors().forEach(e -> errors.page = e.getDefaultMessage());
        return errors;
    }

    public static FormErrors none() {
        return new FormErrors();
    }

    /**
     * Runs the action if the form bound cleanly; a refusal from the service becomes a field or page
     * error and the result is null (the caller shows the form again with what was typed).
     */
    public <T> T attempt(Supplier<T> action) {
        if (any()) {
            return null;
        }
        try {
            return action.get();
        } catch (InvalidInput e) {
            fields.put(e.field(), e.getMessage());
        } catch (RuleViolation | NotFoundException | StaleVersion e) {
            page = e.getMessage();
        } catch (OptimisticLockingFailureException e) {
            // Caught at the last moment, when the version check before it had passed: the API answers 409 the same way.
            page = "Someone else changed this while you were saving it. Reload the page and try again.";
        } catch (DataIntegrityViolationException e) {
            page = switch (SqlStates.of(e)) {
                case "22001" -> "A value is longer than the hub keeps. Shorten the longer texts and try again.";
                case "22003" -> "An amount or number is larger than the hub keeps. Check the figures and try again.";
                default -> "This conflicts with data already recorded (for example a reference that must be unique). Check the values and try again.";
            };
        }
        return null;
    }

    /** The API's length limit for a typed text, checked before saving, so the error names the field. */
    public FormErrors atMost(String field, String typed, int max) {
        if (typed != null && typed.trim().length() > max) {
            fields.putIfAbsent(field, "At most " + max + " characters (this has " + typed.trim().length() + ").");
        }
        return this;
    }

    public FormErrors field(String field, String message) {
        fields.put(field, message);
        return this;
    }

    public FormErrors page(String message) {
        page = message;
        return this;
    }

    public boolean any() {
        return page != null || !fields.isEmpty();
    }

    public Map<String, String> getFields() {
        return fields;
    }

    public String getPage() {
        return page;
    }

    /**
     * Whether the field has an error to show beside it. Every error is also listed at the top of the
     * form, so one naming a field the page has no input for is still seen.
     */
    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String get(String field) {
        return fields.get(field);
    }
}
