package com.govfeedback.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.govfeedback.auth.Role;

import io.quarkus.funqy.Funq;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The roles the OpenAPI document names for each operation ({@link ApiDoc#roles()}) are the roles the core lets through:
 * every other role is refused with 403, and no named role is. Calls carry an empty body, so an allowed role gets past
 * the access rules and is stopped by validation or a missing item instead.
 */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class ApiDocRolesTest {
    private static final String DEPARTMENT = "HRSS_BUREAU";

    @Test
    void everyRoleTheDocumentOmitsIsRefusedAndEveryRoleItNamesIsLetThrough() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Method method : documentedFunctions()) {
            String path = "/" + method.getAnnotation(Funq.class).value();
            Set<String> named = Set.of(method.getAnnotation(ApiDoc.class).roles());
            if (named.isEmpty()) {
                continue;
            }
            for (Role role : Role.values()) {
                int status = Api.post(path, token(role), Map.of()).extract().statusCode();
                if (named.contains(role.claimValue())) {
                    assertThat(status).as(path + " as " + role + " (named in the document)").isNotIn(401, 403);
                } else {
                    assertThat(status).as(path + " as " + role + " (not named in the document)").isEqualTo(403);
                }
            }
            checked.add(path);
        }
        assertThat(checked).contains("/feedback/submit", "/feedback/acknowledge", "/appeal/decide", "/queue/list");
    }

    private static String token(Role role) {
        return LocalStoreResource.tokens.issue(role, "roles-" + role.claimValue(), role.needsDepartment() ? DEPARTMENT : null,
                Duration.ofMinutes(5));
    }

    /** The exported functions with a role note. */
    private static List<Method> documentedFunctions() throws IOException, URISyntaxException, ClassNotFoundException {
        return ExportedFunctions.all().stream().filter(m -> m.isAnnotationPresent(ApiDoc.class)).toList();
    }
}
