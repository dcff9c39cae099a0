package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/openapi.json against the routes the server really registers, and against itself. */
class OpenApiTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final Set<HandlerType> VERBS =
            Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-z_]+)}");
    /**
     * Every route of this adapter but these reads the database (a member route at least to check that the token's
     * login is still on), so each can answer 503 while the database is away.
     */
    private static final Set<String> ANSWERED_FROM_MEMORY =
            Set.of("GET /health/live", "GET /api/v1/openapi.json", "GET /api/v1/plans");

    private final JsonNode document = HttpServer.openApiDocument(JsonMapping.create());

    @Test
    void every_route_is_documented_and_every_documented_route_exists() {
        Javalin app = HttpServer.create(
                TestServer.api(InMemoryAdapters.create(), Clock.systemUTC()),
                TestServer.settings(Clock.systemUTC()),
                (limit, key) -> Optional.empty());
        Set<String> registered = new TreeSet<>();
        for (ParsedEndpoint parsed : app.unsafe.internalRouter.allHttpHandlers()) {
            if (VERBS.contains(parsed.endpoint.method)) {
                registered.add(parsed.endpoint.method.name() + " " + parsed.endpoint.path);
            }
        }

        assertThat(documentedOperations()).isEqualTo(registered);
    }

    @Test
    void the_server_serves_the_document() {
        var served = server.client().at("/api/v1/openapi.json").get();

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/json");
        assertThat(served.body()).isEqualTo(document);
        assertThat(document.get("openapi").asText()).startsWith("3.1.");
    }

    @Test
    void every_operation_is_named_answered_and_declares_its_path_parameters() {
        Set<String> operationIds = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> {
            List<String> inPath = new ArrayList<>();
            Matcher m = PATH_PARAMETER.matcher(path.getKey());
            while (m.find()) {
                inPath.add(m.group(1));
            }
            path.getValue().fields().forEachRemaining(operation -> {
                if (!isVerb(operation.getKey())) {
                    return;
                }
                String where = operation.getKey() + " " + path.getKey();
                JsonNode op = operation.getValue();
                assertThat(op.path("operationId").asText()).as(where).isNotBlank();
                assertThat(operationIds.add(op.get("operationId").asText()))
                        .as("operationId of %s is unique", where)
                        .isTrue();
                assertThat(op.path("summary").asText()).as(where).isNotBlank();
                assertThat(op.path("responses").size()).as(where).isPositive();
                List<String> declared = new ArrayList<>();
                parameters(path.getValue(), op).forEach(p -> {
                    if (p.path("in").asText().equals("path")) {
                        declared.add(p.get("name").asText());
                    }
                });
                assertThat(declared).as(where).containsExactlyInAnyOrderElementsOf(inPath);
            });
        });
    }

    @Test
    void every_route_that_reads_the_database_documents_its_503() {
        Set<String> ours = documentedOperations();
        Set<String> without503 = new TreeSet<>();
        document.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                    if (ours.contains(name)
                            && !ANSWERED_FROM_MEMORY.contains(name)
                            && !operation.getValue().path("responses").has("503")) {
                        without503.add(name);
                    }
                }));

        assertThat(ours).containsAll(ANSWERED_FROM_MEMORY);
        assertThat(without503).isEmpty();
    }

    @Test
    void every_reference_points_at_something_defined() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        });
    }

    /** Routes of this adapter; those other adapters mount ({@code x-raw-route}) are checked where they are wired. */
    private Set<String> documentedOperations() {
        Set<String> documented = new TreeSet<>();
        document.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    if (isVerb(operation.getKey())
                            && !operation.getValue().path("x-raw-route").asBoolean(false)) {
                        documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return documented;
    }

    /** Parameters of the path item and of the operation, references followed. */
    private List<JsonNode> parameters(JsonNode pathItem, JsonNode operation) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode source : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            source.forEach(p ->
                    all.add(p.has("$ref") ? document.at(p.get("$ref").asText().substring(1)) : p));
        }
        return all;
    }

    private static boolean isVerb(String key) {
        return VERBS.stream().anyMatch(v -> v.name().equalsIgnoreCase(key));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
