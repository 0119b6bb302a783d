package dev.users.app.revisions;

import dev.users.events.EventTypes;
import dev.users.events.UserEvent;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Event revisions and the upcasters between them. The events are records of {@code shared-events}, which carries
 * no framework (so no Axon {@code @Revision}): their revisions come from {@link EventTypes#revision(Class)}, and
 * Axon's serializers take them through this resolver (its auto-configuration builds every serializer with the
 * {@code RevisionResolver} bean). Any other type keeps Axon's annotation rule. Upcasters are beans here, which
 * Axon's Spring configuration puts into the chain every reader of the store uses.
 */
@Configuration(proxyBeanMethods = false)
public class EventRevisionConfiguration {

    @Bean
    RevisionResolver revisionResolver() {
        RevisionResolver annotations = new AnnotationRevisionResolver();
        return type -> UserEvent.class.isAssignableFrom(type) ? EventTypes.revision(type) : annotations.revisionOf(type);
    }

    @Bean
    LanguageChangedUpcaster languageChangedUpcaster() {
        return new LanguageChangedUpcaster();
    }
}
