package dev.users.query.list;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The whitelist of one list endpoint: only attributes named here can be filtered or sorted on, and only their
 * constant SQL ever reaches a statement.
 */
public final class AttributeCatalog {

    private final Map<String, Attribute> attributes = new LinkedHashMap<>();
    private final Sort defaultSort;

    public AttributeCatalog(List<Attribute> attributes, String defaultSortAttribute) {
        attributes.forEach(a -> this.attributes.put(a.name(), a));
        this.defaultSort = new Sort(require(defaultSortAttribute), false);
    }

    public Optional<Attribute> find(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public Optional<Attribute> sortable(String name) {
        return find(name).filter(Attribute::sortable);
    }

    public String filterableNames() {
        return String.join(", ", attributes.keySet());
    }

    public String sortableNames() {
        return attributes.values().stream().filter(Attribute::sortable).map(Attribute::name)
                .collect(Collectors.joining(", "));
    }

    public Sort defaultSort() {
        return defaultSort;
    }

    private Attribute require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no attribute " + name));
    }
}
