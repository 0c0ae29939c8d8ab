package com.govfeedback.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.govfeedback.shared.InsufficientAuthenticationException;
import com.govfeedback.shared.ProblemException;
import com.govfeedback.shared.RateLimitedException;
import com.govfeedback.shared.TransitionRefusedException;
import com.govfeedback.shared.ValidationException;

import io.quarkus.funqy.runtime.ApplicationException;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers every failed request with an RFC 9457 {@code application/problem+json} document. Failures
 * the client caused get their own status; anything else is our fault, logged with its stack (never
 * with the request body or token) and answered 500 without internals.
 */
@ApplicationScoped
public class ProblemResponder {
    private static final Logger LOG = Logger.getLogger(ProblemResponder.class);
    public static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectMapper json;

    public ProblemResponder(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::respond);
        // a path no operation serves is a 404 problem too, not the framework's HTML page
        router.route().order(Integer.MAX_VALUE).handler(ctx -> ctx.fail(404));
    }

    void respond(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            return;
        }
        Throwable failure = unwrap(ctx.failure());
        Map<String, Object> problem;
        if (failure instanceof ProblemException known) {
            problem = problem(known.status(), known.type(), known.title(), known.detail());
            if (known instanceof ValidationException invalid) {
                problem.put("errors", invalid.errors());
            }
            if (known instanceof TransitionRefusedException refused) {
                problem.put("allowed", refused.allowed());
            }
            if (known instanceof RateLimitedException limited) {
                ctx.response().putHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
            }
            if (known.status() == 401) {
                // RFC 9470: tells the client that signing in again with a second factor will do
                ctx.response().putHeader("WWW-Authenticate", known instanceof InsufficientAuthenticationException
                        ? "Bearer error=\"insufficient_user_authentication\"" : "Bearer");
            }
            if (known.status() >= 500) {
                LOG.warnf(failure, "store unavailable on %s", ctx.request().path());
            }
        } else if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            problem = problem(401, "/problems/unauthorized", "Unauthorized", "the bearer token is missing, expired or not valid");
        } else if (failure instanceof io.quarkus.security.ForbiddenException) {
            problem = problem(403, "/problems/forbidden", "Forbidden", "this role may not call " + ctx.request().path());
        } else if (failure == null) {
            problem = forStatus(ctx.statusCode(), ctx.request().path());
        } else {
            LOG.errorf(failure, "unexpected failure on %s", ctx.request().path());
            problem = problem(500, "/problems/internal", "Internal error", "an unexpected error occurred; it has been logged");
        }
        int status = (Integer) problem.get("status");
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", PROBLEM_JSON).end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(status).end();
        }
    }

    /** Failures raised by Vert.x or Funqy with only a status code. */
    private static Map<String, Object> forStatus(int status, String path) {
        return switch (status) {
            case 400 -> problem(400, "/problems/malformed-json", "Malformed request", "the body is not a JSON document of the expected shape");
            case 404 -> problem(404, "/problems/not-found", "Not found", "no operation at " + path);
            case 405 -> problem(405, "/problems/method-not-allowed", "Method not allowed", "operations are called with POST");
            case 413 -> problem(413, "/problems/payload-too-large", "Payload too large", "the body is larger than 64 KiB");
            case 401 -> problem(401, "/problems/unauthorized", "Unauthorized", "the bearer token is missing, expired or not valid");
            case 403 -> problem(403, "/problems/forbidden", "Forbidden", "this role may not call " + path);
            default -> status >= 400 && status < 500
                    ? problem(status, "/problems/client-error", "Client error", "the request was refused")
                    : problem(500, "/problems/internal", "Internal error", "an unexpected error occurred; it has been logged");
        };
    }

    private static Map<String, Object> problem(int status, String type, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof ApplicationException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
