package dev.users.app.db;

import org.slf4j.Logger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a start did about a previous run that did not stop cleanly, kept to be logged once the context has its
 * logging: the embedded server begins starting before Spring Boot has set logging up, and drops what is logged then.
 */
final class RecoveryNotes {

    private final List<String> notes = new CopyOnWriteArrayList<>();

    void add(String note) {
        notes.add(note);
    }

    void logTo(Logger log) {
        notes.forEach(log::warn);
    }
}
