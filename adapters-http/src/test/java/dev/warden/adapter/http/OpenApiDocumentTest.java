package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** META-INF/openapi.yaml describes exactly the routes the services register. */
class OpenApiDocumentTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void documentedOperationsAreExactlyTheRegisteredRoutes() {
        Set<String> registered = new TreeSet<>();
        for (ApiRoute route : WardenHttp.apiRoutes(new FakeWarden().useCases(), TestServer.settings(List.of()))) {
            registered.add(route.method().text() + " " + route.path());
        }

        Set<String> documented = new TreeSet<>();
        paths().forEach((path, item) -> item.keySet().stream()
                .filter(HTTP_METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));

        assertEquals(registered, documented);
        assertEquals(22, registered.size(),
                "the twelve routes of docs/api.md, the eight account routes, the password policy and step-up");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationDocumentsItsPathParametersAndErrorsAsProblems() {
        Map<String, Object> problem = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document()
                .get("components")).get("schemas")).get("Problem");
        assertEquals(List.of("type", "title", "status", "detail"), problem.get("required"));

        paths().forEach((path, item) -> item.forEach((method, operation) -> {
            Map<String, Object> op = (Map<String, Object>) operation;
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            assertNotNull(responses, method + " " + path);
            assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("2")), method + " " + path);
            boolean takesNoInput = path.equals("/api/auth/session") || path.equals("/api/auth/logout")
                    || (path.equals("/api/auth/sessions") && method.equals("get"))
                    || path.equals("/api/auth/password-policy");
            assertTrue(responses.containsKey("400") || takesNoInput, method + " " + path + " documents no 400");
            if (!path.equals("/api/auth/login")) {
                assertTrue(responses.containsKey("401"), method + " " + path + " documents no 401");
            }
            assertTrue(responses.containsKey("503"), method + " " + path + " documents no 503 service-unavailable");
            if (path.contains("{id}")) {
                List<Object> parameters = (List<Object>) op.get("parameters");
                assertTrue(parameters.contains(Map.of("$ref", "#/components/parameters/Id")), method + " " + path);
            }
            if (path.startsWith("/api/admin")) {
                assertTrue(responses.containsKey("403"), method + " " + path + " documents no 403");
            }
        }));
    }

    @Test
    void documentMentionsNoUndocumentedProblemSlug() {
        String text = new String(read(), java.nio.charset.StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (ProblemType type : ProblemType.values()) {
            if (!text.contains(type.slug())) {
                missing.add(type.slug());
            }
        }
        assertTrue(missing.isEmpty(), "problem types not in openapi.yaml: " + missing);
        assertFalse(text.contains("\t"), "YAML must not contain tabs");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> paths() {
        return (Map<String, Map<String, Object>>) document().get("paths");
    }

    private static Map<String, Object> document() {
        return new Yaml().load(new String(read(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] read() {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            assertNotNull(in, "META-INF/openapi.yaml is on the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
