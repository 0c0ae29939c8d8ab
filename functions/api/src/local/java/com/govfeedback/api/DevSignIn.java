package com.govfeedback.api;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.govfeedback.auth.Role;
import com.govfeedback.devtoken.DevTokenIssuer;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.triage.Triage;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The local console's sign-in: {@code POST /dev/sign-in} with a role, a department and a name answers a development token
 * signed with the key pair under {@code .local/keys}. The route exists only when {@code console.dev-sign-in.key-dir} is set,
 * which only the {@code local} profile does; in the cloud the console signs in at the identity provider (docs/console.md).
 */
@ApplicationScoped
public class DevSignIn {
    static final String PATH = "/dev/sign-in";
    private static final Duration LIFETIME = Duration.ofHours(8);
    /** A staff login name, not free text: it becomes the token subject and the actor recorded in case history. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}\\p{IsAlphabetic}\\p{Nd}._-]{1,32}");

    @ConfigProperty(name = "console.dev-sign-in.key-dir")
    Optional<String> keyDirectory;

    void register(@Observes Router router, Triage triage, ObjectMapper json) throws IOException, GeneralSecurityException {
        if (keyDirectory.isEmpty()) {
            return;
        }
        DevTokenIssuer issuer = DevTokenIssuer.fromKeyDirectory(Path.of(keyDirectory.get()));
        router.post(PATH).handler(BodyHandler.create().setBodyLimit(4096)).handler(ctx -> signIn(ctx, issuer, triage, json));
    }

    private static void signIn(RoutingContext ctx, DevTokenIssuer issuer, Triage triage, ObjectMapper json) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException notJson) {
            ctx.fail(400);
            return;
        }
        if (body == null) {
            ctx.fail(400);
            return;
        }
        try {
            Role role = Role.fromClaim(body.getString("role")).filter(r -> r != Role.CITIZEN)
                    .orElseThrow(() -> new ValidationException("role", "must be staff, supervisor or admin"));
            String name = body.getString("name");
            if (name == null || !NAME.matcher(name).matches()) {
                throw new ValidationException("name", "must be 1 to 32 letters, digits, '.', '_' or '-'");
            }
            String department = role.needsDepartment() ? body.getString("department") : null;
            if (role.needsDepartment() && !triage.taxonomy().departmentCodes().contains(department)) {
                throw new ValidationException("department", "must be a department code of the taxonomy");
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("token", issuer.issue(role, name, department, LIFETIME));
            answer.put("role", role.claimValue());
            answer.put("name", name);
            if (department != null) {
                answer.put("department", department);
            }
            answer.put("expiresAt", Instant.now().plus(LIFETIME).toString());
            ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store").end(json.writeValueAsString(answer));
        } catch (ValidationException | JsonProcessingException e) {
            ctx.fail(e);
        } catch (ClassCastException wrongType) {
            ctx.fail(400);
        }
    }
}
