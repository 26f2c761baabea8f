package com.smshub.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

/** The served OpenAPI document names every operation of the admin resources, and none they do not have. */
class AdminOpenApiTest {

    private static final List<Class<? extends Annotation>> METHODS = List.of(GET.class, PUT.class, POST.class, DELETE.class);

    /** "PUT /tenants/{}" for each resource method of the package, path parameters unnamed. */
    private static Set<String> served() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> operations = new TreeSet<>();
        Path classes = Path.of(AdminApplication.class.getResource("AdminApplication.class").toURI()).getParent();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Resource.class")).toList()) {
                Class<?> resource = Class.forName(AdminApplication.class.getPackageName() + "."
                        + file.getFileName().toString().replace(".class", ""));
                jakarta.ws.rs.Path root = resource.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : resource.getDeclaredMethods()) {
                    for (Class<? extends Annotation> verb : METHODS) {
                        if (method.isAnnotationPresent(verb)) {
                            jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                            String path = "/" + strip(root.value()) + (sub == null ? "" : "/" + strip(sub.value()));
                            operations.add(verb.getSimpleName() + " " + unnamed(path));
                        }
                    }
                }
            }
        }
        return operations;
    }

    /** "GET /tenants/{}" for each operation of the document (paths at two spaces, methods at four). */
    private static Set<String> documented(String yaml) {
        Set<String> operations = new TreeSet<>();
        String path = null;
        for (String line : yaml.split("\n")) {
            if (line.matches("  /\\S*:")) {
                path = line.strip().replaceAll(":$", "");
            } else if (line.matches("\\S.*|  [^ /].*")) {
                path = null; // another top-level member, or another member of components
            } else if (path != null && line.matches("    (get|put|post|delete):")) {
                operations.add(line.strip().replace(":", "").toUpperCase() + " " + unnamed(path));
            }
        }
        return operations;
    }

    private static String strip(String path) {
        return path.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    private static String unnamed(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    @Test
    void theDocumentNamesEveryOperationAndNoOther() throws Exception {
        String yaml;
        try (InputStream in = OpenApiResource.class.getResourceAsStream("openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(yaml.startsWith("openapi: 3."), "an OpenAPI 3 document");
        Set<String> served = served();
        assertTrue(served.size() > 25, "the resources were read: " + served);
        assertEquals(served, documented(yaml));
    }
}
