package dev.users.command.domain;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@link EmailClaims} in a map, for fixture tests. Like the table-backed one it says CONFLICT for an address another
 * user holds, and it undoes its changes when the unit of work rolls back (as the shared transaction would).
 */
class InMemoryEmailClaims implements EmailClaims {

    final Map<String, UUID> claims = new HashMap<>();

    @Override
    public void claim(String address, UUID userId) {
        UUID owner = claims.get(address);
        if (owner != null && !owner.equals(userId)) {
            throw new UsersException(ErrorCode.CONFLICT, "email " + address + " is already taken");
        }
        change(() -> claims.put(address, userId));
    }

    @Override
    public void release(String address, UUID userId) {
        if (userId.equals(claims.get(address))) {
            change(() -> claims.remove(address));
        }
    }

    @Override
    public java.util.Optional<UUID> holder(String address) {
        return java.util.Optional.ofNullable(claims.get(address));
    }

    @Override
    public void releaseAll(UUID userId) {
        change(() -> claims.values().removeIf(userId::equals));
    }

    /** Makes a change; the first change in a unit of work remembers the state to restore if that unit rolls back. */
    private void change(Runnable change) {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            unitOfWork.getOrComputeResource(InMemoryEmailClaims.class.getName() + "@" + hashCode(), key -> {
                Map<String, UUID> before = new HashMap<>(claims);
                unitOfWork.onRollback(u -> {
                    claims.clear();
                    claims.putAll(before);
                });
                return before;
            });
        }
        change.run();
    }
}
