package com.hmoexchange.hub.web;

import com.hmoexchange.hub.common.Forbidden;
import com.hmoexchange.hub.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Errors of the pages become pages: another client's enrollee is "not found" (no data shown), a
 * wrong role is "not allowed", anything unexpected a plain apology. Ahead of the API's handler,
 * which answers problem details to the JSON API only.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        return problem(model, "Not found", "There is nothing here for you. It may not exist, or it belongs to someone else.");
    }

    @ExceptionHandler(Forbidden.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Forbidden e, Model model) {
        return problem(model, "Not allowed", e.getMessage());
    }

    /** A form posted without a field it needs (an old page, a hand-made request): say so, change nothing. */
    @ExceptionHandler({ServletRequestBindingException.class, MissingServletRequestPartException.class, MultipartException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String incompleteForm(Exception e, Model model) {
        String field = e instanceof MissingServletRequestParameterException missing ? missing.getParameterName()
                : e instanceof MissingServletRequestPartException part ? part.getRequestPartName() : null;
        return problem(model, "The form was incomplete",
                (field == null ? "A field the form needs was missing." : "The field '" + field + "' was missing.")
                        + " Nothing was changed; go back, reload the page and send the form again.");
    }

    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    String unexpected(Exception e, Model model) {
        log.error("Unexpected error on a page", e);
        return problem(model, "Something went wrong",
                "The hub could not complete this. Nothing was changed; try again, and tell the operators if it persists.");
    }

    private static String problem(Model model, String title, String detail) {
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "problem";
    }
}
