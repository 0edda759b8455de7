package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapter.http.WardenHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One REST route as the fuzz test sees it: method and path template from the service's own route
 * table, and the query parameters and JSON body fields that the served OpenAPI document names for
 * it (each with its enum values, if any), so every documented input gets hostile values.
 */
record FuzzedRoute(String method, String path, Map<String, List<String>> queryParameters,
                   Map<String, List<String>> bodyFields) {

    /** The one path parameter a route may have ({@code {id}}, {@code {clientId}}): an id of some kind. */
    private static final java.util.regex.Pattern PATH_ID = java.util.regex.Pattern.compile("\\{[A-Za-z]+}");

    boolean hasId() {
        return PATH_ID.matcher(path).find();
    }

    /** The path with {@code id} (already encoded as it should go on the wire) in place of its parameter. */
    String withId(String id) {
        return PATH_ID.matcher(path).replaceFirst(java.util.regex.Matcher.quoteReplacement(id));
    }

    boolean hasBody() {
        return !bodyFields.isEmpty();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    /** @throws AssertionError when the document has no operation for a registered route */
    static FuzzedRoute of(WardenHttp.RouteTemplate route, JsonNode openApi) {
        JsonNode operation = openApi.path("paths").path(route.path()).path(route.method().toLowerCase());
        if (operation.isMissingNode()) {
            throw new AssertionError("openapi.yaml documents no " + route.method() + " " + route.path());
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(parameter, openApi);
            if (resolved.path("in").asText().equals("query")) {
                query.put(resolved.path("name").asText(), enumValues(resolve(resolved.path("schema"), openApi), openApi));
            }
        }
        Map<String, List<String>> body = new LinkedHashMap<>();
        JsonNode schema = resolve(operation.path("requestBody").path("content").path("application/json").path("schema"),
                openApi);
        schema.path("properties").properties().forEach(field ->
                body.put(field.getKey(), enumValues(resolve(field.getValue(), openApi), openApi)));
        return new FuzzedRoute(route.method(), route.path(), query, body);
    }

    /** The allowed values of a schema, or of its items when it is an array (a parameter that may repeat). */
    private static List<String> enumValues(JsonNode schema, JsonNode openApi) {
        JsonNode values = schema.has("items") ? resolve(schema.path("items"), openApi) : schema;
        List<String> allowed = new ArrayList<>();
        values.path("enum").forEach(value -> allowed.add(value.asText()));
        return allowed;
    }

    private static JsonNode resolve(JsonNode node, JsonNode openApi) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText(); // "#/components/parameters/Limit"
            current = openApi.at(ref.substring(1));
        }
        return current;
    }
}
