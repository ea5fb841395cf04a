package io.worklane;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls the running app over HTTP as a given user; answers are never thrown, tests assert on them. */
public final class ApiClient {

    public record Response(int status, String contentType, JsonNode body, HttpHeaders headers) {

        public String text(String field) {
            return body.path(field).asText(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient http;
    private final String authorization;

    ApiClient(int port, String user, String password) {
        this(port, user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private ApiClient(int port, String authorization) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port).build();
        this.authorization = authorization;
    }

    /** A source system's client: its API token as {@code Authorization: Bearer}. */
    static ApiClient bearer(int port, String token) {
        return new ApiClient(port, "Bearer " + token);
    }

    public Response delete(String path) {
        return exchange(HttpMethod.DELETE, path, null);
    }

    public Response get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    public Response post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body);
    }

    public Response patch(String path, Object body) {
        return exchange(HttpMethod.PATCH, path, body);
    }

    /** A raw merge patch, sent as it is (nulls included). */
    public Response patchRaw(String path, String json) {
        return exchange(HttpMethod.PATCH, path, json);
    }

    public Response put(String path, Object body) {
        return exchange(HttpMethod.PUT, path, body);
    }

    /** A raw body, sent as it is (malformed JSON, unknown fields). */
    public Response postRaw(String path, String json) {
        return exchange(HttpMethod.POST, path, json);
    }

    /** Deploys files over the engine REST API as the Modeler does: one multipart part per file. */
    public Response deploy(String name, java.util.Map<String, String> files) {
        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        parts.add("deployment-name", name);
        files.forEach((file, content) -> parts.add(file, new org.springframework.core.io.ByteArrayResource(
                content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return file;
            }
        }));
        var request = http.post().uri("/engine-rest/deployment/create")
            .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
            .contentType(MediaType.MULTIPART_FORM_DATA);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.body(parts).exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            JsonNode json = bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
            MediaType type = res.getHeaders().getContentType();
            return new Response(res.getStatusCode().value(), type == null ? null : type.toString(), json,
                    res.getHeaders());
        });
    }

    /** A GET whose answer is text of this media type (a report as CSV). */
    public String getText(String path, MediaType type) {
        var request = http.get().uri(path).accept(type, MediaType.APPLICATION_PROBLEM_JSON);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.exchange((req, res) -> res.getStatusCode().value() + "\n"
                + new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private Response exchange(HttpMethod method, String path, Object body) {
        var request = http.method(method).uri(path).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            JsonNode json = bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
            MediaType type = res.getHeaders().getContentType();
            return new Response(res.getStatusCode().value(), type == null ? null : type.toString(), json,
                    res.getHeaders());
        });
    }
}
