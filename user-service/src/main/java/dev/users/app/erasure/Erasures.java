package dev.users.app.erasure;

import dev.users.app.idempotency.IdempotentAnswers;
import dev.users.command.api.EraseUser;
import dev.users.command.domain.AccountOwners;
import dev.users.command.domain.EmailClaims;
import dev.users.command.domain.MembershipRegistry;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.events.UserErased;
import dev.users.query.history.UserReplays;
import dev.users.app.feed.RenderedEvents;
import dev.users.web.PrefixIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.UUID;

/**
 * Erases a person (GDPR art. 17), in one transaction (the command's): deletes their data key, which makes every
 * personal field of their events unreadable, and every other plain copy the command side and the application
 * keep (e-mail and membership claims, snapshots, parked dead letters; stored idempotent answers are emptied),
 * then appends {@link UserErased}, from which the read models delete their rows. Handled beside the {@code User} aggregate, since a
 * removed user (which the aggregate no longer loads) can be erased too; the append names the next sequence number,
 * so a concurrent change of the user makes one of the two fail as a conflict.
 * <p>
 * Only the person's home account erases them. Another account that holds a membership of the person gets a 403 (it
 * may end its membership); any other account, and anyone after the erasure, finds no user (404). The account owner
 * cannot be erased, as it cannot be removed.
 */
@Component
public class Erasures {

    /**
     * Serializes the erasures of one user until the first commits: its checks (not erased yet, the next sequence
     * number) and its append are not atomic, so two concurrent erasures could otherwise both pass the check and
     * append at two successive numbers. The two-key form, in a class of its own, meets no other lock.
     */
    private static final String ONE_AT_A_TIME = "select pg_advisory_xact_lock(hashtext('users.erasure'),"
            + " hashtext(?::text))";
    private static final String HOME = "select account_id from event_index where user_id = ? and sequence = 0";
    private static final String ERASED = "select count(*) from event_index where user_id = ? and event_name = ?";
    private static final String MEMBER = "select count(*) from membership_claims where user_id = ? and account_id = ?";
    private static final String NEXT = "select coalesce(max(sequencenumber), -1) + 1 from domainevententry"
            + " where aggregateidentifier = ?";
    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final DataKeys keys;
    private final EmailClaims emailClaims;
    private final MembershipRegistry memberships;
    private final AccountOwners owners;
    private final IdempotentAnswers idempotentAnswers;
    private final UserReplays replays;
    private final RenderedEvents renderedEvents;
    private final Cache aggregates;

    Erasures(JdbcTemplate jdbc, EventStore events, DataKeys keys, EmailClaims emailClaims,
             MembershipRegistry memberships, AccountOwners owners, IdempotentAnswers idempotentAnswers,
             UserReplays replays, RenderedEvents renderedEvents, @Qualifier("userCache") Cache aggregates) {
        this.renderedEvents = renderedEvents;
        this.jdbc = jdbc;
        this.events = events;
        this.keys = keys;
        this.emailClaims = emailClaims;
        this.memberships = memberships;
        this.owners = owners;
        this.idempotentAnswers = idempotentAnswers;
        this.replays = replays;
        this.aggregates = aggregates;
    }

    /** @return the sequence number of the {@link UserErased} appended */
    @CommandHandler
    public long handle(EraseUser command) {
        UUID user = command.userId();
        UUID account = command.accountId();
        jdbc.queryForList(ONE_AT_A_TIME, user); // held to the command's commit (or rollback)
        List<UUID> home = jdbc.queryForList(HOME, UUID.class, user);
        if (home.isEmpty() || jdbc.queryForObject(ERASED, Long.class, user, UserErased.class.getSimpleName()) > 0) {
            throw notFound();
        }
        if (!home.get(0).equals(account)) {
            if (jdbc.queryForObject(MEMBER, Long.class, user, account) > 0) {
                throw new UsersException(ErrorCode.FORBIDDEN, "the user is a member of this account, not"
                        + " one of its own users: only the person's home account erases them; end the membership"
                        + " instead (DELETE /api/v4/account_users/…)");
            }
            throw notFound();
        }
        if (owners.isOwner(account, user)) {
            throw new UsersException(ErrorCode.CONFLICT, "the account owner cannot be erased; transfer ownership"
                    + " to another account user first");
        }
        long sequence = jdbc.queryForObject(NEXT, Long.class, user.toString());
        forgetPlainCopies(user);
        events.publish(new GenericDomainEventMessage<>("User", user.toString(), sequence,
                new UserErased(user, account, command.at())));
        afterCommit(() -> {
            aggregates.remove(user.toString()); // a cached aggregate would not know of the erasure
            replays.forget(user); // history's checkpoints hold the person's decrypted fields (other nodes: 30 s)
            renderedEvents.forget(user); // so do the feed's rendered events
        });
        return sequence;
    }

    private void forgetPlainCopies(UUID user) {
        keys.delete(user);
        emailClaims.releaseAll(user);
        memberships.forgetAll(user);
        String id = user.toString();
        jdbc.update("delete from snapshotevententry where aggregateidentifier = ?", id);
        jdbc.update("delete from deadletterentry where sequenceidentifier = ?", id);
        // an idempotent retry's stored answer that names the user (its body or Location) may hold its personal data
        idempotentAnswers.eraseNaming(List.of(id, PrefixIds.of(PrefixIds.USER, user),
                PrefixIds.of(PrefixIds.ACCOUNT_USER, user)));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /** Without the id: the path named it in one of its forms, the message need not name it in another. */
    private static UsersException notFound() {
        return new UsersException(ErrorCode.NOT_FOUND, "user not found");
    }
}
