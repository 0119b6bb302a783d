package dev.users.command.domain;

import java.util.concurrent.atomic.AtomicLong;

/** {@link TinyIds} counting up from 1000. */
class CountingTinyIds implements TinyIds {

    private final AtomicLong next = new AtomicLong(1000);

    @Override
    public long next() {
        return next.getAndIncrement();
    }
}
