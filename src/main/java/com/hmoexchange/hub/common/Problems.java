package com.hmoexchange.hub.common;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details as the hub writes them: a stable code in the type URI and as a property. */
public final class Problems {

    private Problems() {
    }

    public static URI type(String code) {
        return URI.create("urn:hmo-hub:problem:" + code);
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }
}
