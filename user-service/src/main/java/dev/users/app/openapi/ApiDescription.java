package dev.users.app.openapi;

import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The OpenAPI 3.1 description of both surfaces, read from {@code openapi/base.yaml} (info, the bearer scheme, the
 * shared schemas, parameters and error answers) and every {@code openapi/paths/*.yaml} (one area's paths, and the
 * schemas only they use). Written by hand rather than derived from the controllers: they read JSON trees and answer
 * maps, so nothing in their signatures says what goes over the wire, and annotations on every handler would bury
 * them. {@code OpenApiRoutesTest} keeps the two together: a route without a description fails it by name.
 */
public final class ApiDescription {

    static final String BASE = "openapi/base.yaml";
    static final String PATHS = "classpath*:openapi/paths/*.yaml";

    private ApiDescription() {
    }

    /** Reads and merges the files; a path or component described twice is a mistake, not an override. */
    public static OpenAPI load() {
        OpenAPI merged = read(new PathMatchingResourcePatternResolver().getResource("classpath:" + BASE));
        if (merged.getComponents() == null) {
            merged.setComponents(new Components());
        }
        if (merged.getPaths() == null) {
            merged.setPaths(new Paths());
        }
        for (Resource part : parts()) {
            OpenAPI area = read(part);
            String name = part.getFilename();
            if (area.getPaths() != null) {
                area.getPaths().forEach((path, item) -> putOnce(merged.getPaths(), path, item, name));
            }
            if (area.getComponents() != null) {
                mergeComponents(merged.getComponents(), area.getComponents(), name);
            }
        }
        merged.setPaths(sorted(merged.getPaths()));
        return merged;
    }

    private static Resource[] parts() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(PATHS);
            Arrays.sort(found, Comparator.comparing(Resource::getFilename));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + PATHS, e);
        }
    }

    private static OpenAPI read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return Yaml31.mapper().readValue(in, OpenAPI.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API description " + resource, e);
        }
    }

    private static void mergeComponents(Components into, Components from, String file) {
        merge(from.getSchemas(), into::getSchemas, into::setSchemas, file);
        merge(from.getResponses(), into::getResponses, into::setResponses, file);
        merge(from.getParameters(), into::getParameters, into::setParameters, file);
        merge(from.getExamples(), into::getExamples, into::setExamples, file);
        merge(from.getRequestBodies(), into::getRequestBodies, into::setRequestBodies, file);
    }

    private static <T> void merge(Map<String, T> from, java.util.function.Supplier<Map<String, T>> get,
                                  java.util.function.Consumer<Map<String, T>> set, String file) {
        if (from == null) {
            return;
        }
        if (get.get() == null) {
            set.accept(new TreeMap<>());
        }
        from.forEach((name, value) -> putOnce(get.get(), name, value, file));
    }

    private static <T> void putOnce(Map<String, T> into, String key, T value, String file) {
        if (into.putIfAbsent(key, value) != null) {
            throw new IllegalStateException(file + " describes " + key + " again");
        }
    }

    private static Paths sorted(Paths paths) {
        Paths sorted = new Paths();
        new TreeMap<String, PathItem>(paths).forEach(sorted::addPathItem);
        return sorted;
    }
}
