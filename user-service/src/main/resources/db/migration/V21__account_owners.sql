-- The account owner (issue 14): one user per account, always admin and billing, changed by transferring ownership.

-- Command side: the truth the rules read (an owner keeps admin and billing and cannot be removed), written in the
-- transaction of the AccountOwnershipTransferred event.
CREATE TABLE account_owners (
    account_id UUID PRIMARY KEY,
    user_id    UUID NOT NULL
);

-- Read side (user-directory processor): whom account users render as "owner". transferred_at orders the transfers,
-- so that a rebuild, which replays users one after the other rather than in store order, still ends on the last.
CREATE TABLE account_owner_view (
    account_id     UUID        PRIMARY KEY,
    user_id        UUID        NOT NULL,
    transferred_at TIMESTAMPTZ NOT NULL
);
