package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.domain.AuditType;
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
        assertEquals(42, registered.size(),
                "the twelve routes of docs/api.md, the eight account routes, the password policy, step-up, the audit"
                        + " types, and the nineteen of Shared Signals (three client routes, token, two metadata, JWKS,"
                        + " five stream routes, two status, two subjects, verify, poll, the admin stream list)");
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
            boolean publicDocument = isPublicDocument(path);
            boolean takesNoInput = path.equals("/api/auth/session") || path.equals("/api/auth/logout")
                    || (path.equals("/api/auth/sessions") && method.equals("get"))
                    || path.equals("/api/auth/password-policy") || path.equals("/api/admin/audit/types")
                    || (path.equals("/api/admin/ssf/clients") && method.equals("get"))
                    || path.equals("/api/admin/ssf/streams") || publicDocument;
            assertTrue(responses.containsKey("400") || takesNoInput, method + " " + path + " documents no 400");
            if (!path.equals("/api/auth/login") && !publicDocument) {
                assertTrue(responses.containsKey("401"), method + " " + path + " documents no 401");
            }
            assertTrue(responses.containsKey("503") || publicDocument,
                    method + " " + path + " documents no 503 service-unavailable");
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

    /**
     * What Redocly's recommended rules want and more, checked offline (the lint itself runs in CI,
     * since a test must not download it): every operation summarised, described, identified and
     * tagged with a described tag; every parameter described; every error a problem document.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationParameterAndTagIsDescribed() {
        Map<String, Object> doc = document();
        Set<String> describedTags = new TreeSet<>();
        for (Object tag : (List<Object>) doc.get("tags")) {
            Map<String, Object> t = (Map<String, Object>) tag;
            if (t.get("description") instanceof String text && !text.isBlank()) {
                describedTags.add((String) t.get("name"));
            }
        }
        assertNotNull(((Map<String, Object>) doc.get("info")).get("license"), "info.license");
        Set<String> operationIds = new TreeSet<>();
        paths().forEach((path, item) -> item.forEach((method, operation) -> {
            String where = method.toUpperCase() + " " + path;
            Map<String, Object> op = (Map<String, Object>) operation;
            for (String field : List.of("summary", "description", "operationId")) {
                assertTrue(op.get(field) instanceof String text && !text.isBlank(), where + " has no " + field);
            }
            assertTrue(operationIds.add((String) op.get("operationId")), where + ": duplicate operationId");
            List<Object> tags = (List<Object>) op.get("tags");
            assertTrue(tags != null && tags.size() == 1 && describedTags.containsAll(tags), where + " tags " + tags);
            for (Object parameter : (List<Object>) op.getOrDefault("parameters", List.of())) {
                Map<String, Object> p = (Map<String, Object>) resolve(doc, parameter);
                assertTrue(p.get("description") instanceof String text && !text.isBlank(),
                        where + ": parameter " + p.get("name") + " has no description");
            }
            ((Map<String, Object>) op.get("responses")).forEach((code, response) -> {
                Map<String, Object> r = (Map<String, Object>) resolve(doc, response);
                assertTrue(r.get("description") instanceof String text && !text.isBlank(), where + " " + code);
                if (isOAuthError(path, code)) {
                    Map<String, Object> media = (Map<String, Object>) ((Map<String, Object>) r.get("content"))
                            .get("application/json");
                    assertEquals(Map.of("$ref", "#/components/schemas/OAuthError"), media.get("schema"), where + " " + code);
                } else if (code.startsWith("4") || code.startsWith("5")) {
                    Map<String, Object> content = (Map<String, Object>) r.get("content");
                    assertEquals(Set.of(ProblemHandlers.PROBLEM_JSON), content.keySet(), where + " " + code);
                    Map<String, Object> media = (Map<String, Object>) content.get(ProblemHandlers.PROBLEM_JSON);
                    assertEquals(Map.of("$ref", "#/components/schemas/Problem"), media.get("schema"), where + " " + code);
                }
            });
        }));
    }

    /** Every problem example is what the service would send: the slug's own status and title. */
    @Test
    @SuppressWarnings("unchecked")
    void everyProblemExampleMatchesItsProblemTypeAndStatus() {
        Map<String, Object> doc = document();
        List<String> checked = new ArrayList<>();
        paths().forEach((path, item) -> item.forEach((method, operation) ->
                ((Map<String, Object>) ((Map<String, Object>) operation).get("responses")).forEach((code, response) -> {
                    Map<String, Object> r = (Map<String, Object>) resolve(doc, response);
                    if (!(code.startsWith("4") || code.startsWith("5")) || isOAuthError(path, code)) {
                        return;
                    }
                    Map<String, Object> media = (Map<String, Object>) ((Map<String, Object>) r.get("content"))
                            .get(ProblemHandlers.PROBLEM_JSON);
                    Map<String, Object> examples = (Map<String, Object>) media.get("examples");
                    assertNotNull(examples, method + " " + path + " " + code + " has no example");
                    examples.forEach((name, example) -> {
                        String where = method + " " + path + " " + code + " example " + name;
                        Map<String, Object> value = (Map<String, Object>) ((Map<String, Object>) resolve(doc, example))
                                .get("value");
                        ProblemType type = java.util.Arrays.stream(ProblemType.values())
                                .filter(t -> t.uri().equals(value.get("type"))).findFirst()
                                .orElseThrow(() -> new AssertionError(where + ": unknown type " + value.get("type")));
                        assertEquals(Integer.parseInt(code), type.status().code(), where);
                        assertEquals(type.status().code(), value.get("status"), where);
                        assertEquals(type.title(), value.get("title"), where);
                        assertTrue(((String) r.get("description")).contains("`" + type.slug() + "`"),
                                where + ": the description does not name " + type.slug());
                        checked.add(where);
                    });
                })));
        assertTrue(checked.size() > 50, "problem examples checked: " + checked.size());
    }

    /** The Shared Signals documents any receiver reads: no input, no authentication, no database. */
    private static boolean isPublicDocument(String path) {
        return path.startsWith("/.well-known/") || path.equals("/ssf/jwks");
    }

    /**
     * The token endpoint's errors are RFC 6749 JSON, and the receivers' bearer check's RFC 6750 JSON,
     * not problem details (their other errors are problems).
     */
    private static boolean isOAuthError(String path, String code) {
        return (path.equals("/oauth2/token") && Set.of("400", "401", "429").contains(code))
                || (path.startsWith("/ssf/") && !isPublicDocument(path) && Set.of("401", "403").contains(code));
    }

    /** Request and response examples on the routes people call first. */
    @Test
    @SuppressWarnings("unchecked")
    void theMainRoutesHaveExamples() {
        Map<String, String> main = Map.ofEntries(
                Map.entry("post /api/auth/login", "201"), Map.entry("get /api/auth/session", "200"),
                Map.entry("post /api/auth/reauthenticate", "204"), Map.entry("post /api/auth/logout", "204"),
                Map.entry("get /api/auth/sessions", "200"), Map.entry("get /api/admin/sessions", "200"),
                Map.entry("delete /api/admin/sessions", "200"), Map.entry("delete /api/admin/sessions/{id}", "204"),
                Map.entry("get /api/admin/users", "200"), Map.entry("post /api/admin/users", "201"),
                Map.entry("get /api/admin/audit", "200"), Map.entry("get /api/admin/audit/types", "200"),
                Map.entry("get /api/admin/alarms", "200"));
        Map<String, Object> doc = document();
        main.forEach((route, success) -> {
            String[] parts = route.split(" ");
            Map<String, Object> op = (Map<String, Object>) paths().get(parts[1]).get(parts[0]);
            Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
            if (body != null) {
                Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) body.get("content"))
                        .get("application/json");
                assertNotNull(json.get("examples"), route + " has no request example");
            }
            for (Object parameter : (List<Object>) op.getOrDefault("parameters", List.of())) {
                Map<String, Object> p = (Map<String, Object>) resolve(doc, parameter);
                assertTrue(p.containsKey("example") || p.containsKey("examples"), route + ": no example for " + p.get("name"));
            }
            Map<String, Object> ok = (Map<String, Object>) resolve(doc,
                    ((Map<String, Object>) op.get("responses")).get(success));
            assertNotNull(ok, route + " " + success);
            if (!success.equals("204")) {
                Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) ok.get("content"))
                        .get("application/json");
                assertNotNull(json.get("examples"), route + " has no response example");
            }
        });
    }

    /** The document lists exactly the audit types the service has, in its order (the types route serves them). */
    @Test
    @SuppressWarnings("unchecked")
    void theAuditTypeEnumIsTheDomains() {
        Map<String, Object> auditType = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document()
                .get("components")).get("schemas")).get("AuditType");

        assertEquals(java.util.Arrays.stream(AuditType.values()).map(Enum::name).toList(), auditType.get("enum"));
    }

    /**
     * Helidon serves the JSON form by converting this YAML, and writes a YAML null as {@code !!null
     * "null"}, which is not JSON (EveryRouteFuzzIT reads that form): so the document holds no null.
     */
    @Test
    void documentHoldsNoNullValue() {
        List<String> nulls = new ArrayList<>();
        findNulls(document(), "#", nulls);
        assertTrue(nulls.isEmpty(), "null values (Helidon cannot serve them as JSON): " + nulls);
    }

    @SuppressWarnings("unchecked")
    private static void findNulls(Object node, String where, List<String> nulls) {
        if (node == null) {
            nulls.add(where);
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> findNulls(value, where + "/" + key, nulls));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                findNulls(list.get(i), where + "/" + i, nulls);
            }
        }
    }

    /** Follows local {@code $ref}s ({@code #/components/...}). */
    @SuppressWarnings("unchecked")
    private static Object resolve(Map<String, Object> doc, Object node) {
        Object current = node;
        while (current instanceof Map<?, ?> map && map.get("$ref") instanceof String ref) {
            Object target = doc;
            for (String segment : ref.substring(2).split("/")) {
                target = ((Map<String, Object>) target).get(segment.replace("~1", "/").replace("~0", "~"));
            }
            assertNotNull(target, "unresolved " + ref);
            current = target;
        }
        return current;
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
