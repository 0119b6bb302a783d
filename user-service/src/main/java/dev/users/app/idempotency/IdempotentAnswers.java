package dev.users.app.idempotency;

import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What erasure (GDPR art. 17) does to the stored answers of keyed {@code POST}s: an answer that names the person
 * (its {@code Location} or body) may hold their personal data, so it is emptied; the key stays spent, so that a
 * replay of the request runs nothing (it would create the person again) and gets a
 * {@value #ERASED_STATUS} instead ({@link IdempotencyInterceptor}).
 */
@Component
public class IdempotentAnswers {

    /** The status of an answer emptied by an erasure; the only stored answer without a fingerprint. */
    static final int ERASED_STATUS = 410;

    private final IdempotencyRecordRepository records;

    IdempotentAnswers(IdempotencyRecordRepository records) {
        this.records = records;
    }

    /** Empties the answers naming any of {@code forms}, in the caller's transaction; how many. */
    public int eraseNaming(List<String> forms) {
        return records.eraseAnswersNaming(forms.toArray(String[]::new));
    }

    static boolean erased(IdempotencyKeys.Held held) {
        return held.answer() != null && held.answer().status() == ERASED_STATUS && held.fingerprint().length == 0;
    }
}
