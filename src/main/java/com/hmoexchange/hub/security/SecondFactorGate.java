package com.hmoexchange.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a half-signed-in session ({@link SecondFactorPending}) on the page of its stage: the code page, or the
 * enrolment page when the user's role requires a code and they have none yet. Anything else sends them there.
 */
final class SecondFactorGate extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof SecondFactorPending pending) {
            String path = request.getServletPath();
            String page = pending.stage() == SecondFactorPending.Stage.CODE ? "/sign-in/code" : "/account/two-factor";
            boolean allowed = path.equals(page) || path.startsWith(page + "/") || path.equals("/sign-out")
                    || path.equals("/sign-in") || path.startsWith("/css/") || path.startsWith("/js/")
                    || path.startsWith("/webjars/") || path.equals("/favicon.ico");
            if (!allowed) {
                if (request.getHeader("HX-Request") != null) {
                    response.setHeader("HX-Redirect", page);
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect(page);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
