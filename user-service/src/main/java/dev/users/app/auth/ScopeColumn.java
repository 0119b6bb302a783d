package dev.users.app.auth;

import dev.users.web.Caller.Scope;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** {@code api_keys.scope} holds the scope as the API writes it ({@code read}, {@code write}, {@code admin}; V35). */
@Converter(autoApply = true)
class ScopeColumn implements AttributeConverter<Scope, String> {

    @Override
    public String convertToDatabaseColumn(Scope scope) {
        return scope == null ? null : scope.json();
    }

    @Override
    public Scope convertToEntityAttribute(String stored) {
        return stored == null ? null : Scope.of(stored);
    }
}
