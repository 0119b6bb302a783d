package dev.users.query.list;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whitelist of one list endpoint: only attributes named here can be filtered or sorted on, and only their
 * constant SQL ever reaches a statement. A name is one of the catalog's attributes, a member {@code <family>.<key>}
 * of one of its {@link AttributeKind#keyed() keyed} families ({@code meta.team}), or, for a catalog that
 * {@link #nesting nests} another (an account user nests its user), the nested catalog's attribute by its own name
 * or after the nesting prefix ({@code name}, {@code user.name}); the catalog's own attributes come first.
 */
public final class AttributeCatalog {

    private final Map<String, Attribute> attributes = new LinkedHashMap<>();
    private final Map<String, Attribute> families = new LinkedHashMap<>();
    private final String nestedPrefix;
    private final AttributeCatalog nested;
    private final Sort defaultSort;

    public AttributeCatalog(List<Attribute> attributes, String defaultSortAttribute) {
        this(attributes, defaultSortAttribute, null, null);
    }

    private AttributeCatalog(List<Attribute> attributes, String defaultSortAttribute, String nestedPrefix,
                             AttributeCatalog nested) {
        attributes.forEach(a -> (a.kind().keyed() ? families : this.attributes).put(a.name(), a));
        this.nestedPrefix = nestedPrefix;
        this.nested = nested;
        this.defaultSort = new Sort(require(defaultSortAttribute), false);
    }

    /**
     * A catalog of {@code attributes} that also takes every attribute of {@code nested}, by its own name (when
     * {@code attributes} has none of that name) and after {@code prefix} ({@code user.}).
     */
    public static AttributeCatalog nesting(List<Attribute> attributes, String prefix, AttributeCatalog nested,
                                           String defaultSortAttribute) {
        return new AttributeCatalog(attributes, defaultSortAttribute, prefix, nested);
    }

    public Optional<Attribute> find(String name) {
        Attribute own = attributes.get(name);
        if (own != null) {
            return Optional.of(own);
        }
        int dot = name.indexOf('.');
        Attribute family = dot > 0 ? families.get(name.substring(0, dot)) : null;
        if (family != null) {
            String key = name.substring(dot + 1);
            return key.isEmpty() ? Optional.empty() : Optional.of(family.withKey(key));
        }
        if (nested == null) {
            return Optional.empty();
        }
        if (name.startsWith(nestedPrefix)) {
            return nested.find(name.substring(nestedPrefix.length()));
        }
        return nested.find(name);
    }

    public Optional<Attribute> sortable(String name) {
        return find(name).filter(Attribute::sortable);
    }

    public String filterableNames() {
        String own = Stream.concat(attributes.values().stream(), families.values().stream())
                .map(Attribute::displayName).collect(Collectors.joining(", "));
        if (nested == null) {
            return own;
        }
        return own + ", and by their names or after " + nestedPrefix + " those of the nested object: "
                + nested.filterableNames();
    }

    public String sortableNames() {
        Stream<String> own = attributes.values().stream().filter(Attribute::sortable).map(Attribute::name);
        Stream<String> inherited = nested == null ? Stream.empty()
                : nested.attributes.values().stream().filter(Attribute::sortable).map(Attribute::name)
                .filter(name -> !attributes.containsKey(name));
        return Stream.concat(own, inherited).collect(Collectors.joining(", "));
    }

    public Sort defaultSort() {
        return defaultSort;
    }

    private Attribute require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no attribute " + name));
    }
}
