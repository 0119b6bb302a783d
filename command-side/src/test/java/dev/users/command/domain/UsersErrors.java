package dev.users.command.domain;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matcher for a {@link UsersException} with a code and a message containing a fragment. */
final class UsersErrors {

    private UsersErrors() {
    }

    static Matcher<UsersException> usersError(ErrorCode code, String... fragments) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(UsersException e) {
                for (String fragment : fragments) {
                    if (!e.getMessage().contains(fragment)) {
                        return false;
                    }
                }
                return e.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("UsersException " + code + " with message containing ")
                        .appendValueList("", ", ", "", fragments);
            }

            @Override
            protected void describeMismatchSafely(UsersException e, Description description) {
                description.appendText("was " + e.code() + ": " + e.getMessage());
            }
        };
    }
}
