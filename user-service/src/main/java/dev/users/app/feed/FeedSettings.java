package dev.users.app.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code users.feed.*}: the event feed and stream.
 *
 * @param readerThreads threads that read and send for all open event streams and long polls together
 */
@ConfigurationProperties("users.feed")
public record FeedSettings(@DefaultValue("4") int readerThreads) {
}
