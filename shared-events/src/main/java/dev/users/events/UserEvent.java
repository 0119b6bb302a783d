package dev.users.events;

import java.util.UUID;

/**
 * Every fact about a user. Events carry cleaned values (normalised email, E.164 phone, resolved country),
 * never raw input or secrets; who caused them travels in the message metadata.
 */
public sealed interface UserEvent permits UserCreated, UserRenamed, TimeZoneChanged, LanguageChanged,
        NotificationPreferencesChanged, MetaChanged, EmailAdded, EmailRemoved, PrimaryEmailChanged, PhoneAdded,
        PhoneRemoved, PrimaryPhoneChanged, PhoneBlocked, PhoneUnblocked, RolesAssigned, TeamsAssigned, UserSignedIn,
        UserRemoved, MembershipInvited, MembershipAccepted, MembershipDeclined, MembershipEnded,
        MembershipChanged, AccountOwnershipTransferred, UserErased, MembershipAttributesChanged {

    UUID userId();
}
