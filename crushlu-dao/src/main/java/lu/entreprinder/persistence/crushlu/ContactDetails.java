package lu.entreprinder.persistence.crushlu;

/**
 * The other person's contact details on a connection whose contacts are {@link ContactSharingStatus#SHARED}.
 *
 * @param email {@code auth_user.email} (may be empty: Django allows a user without one)
 * @param phone {@code crush_lu_crushprofile.phone}, empty when the user has no profile
 */
public record ContactDetails(long connectionId, long userId, String firstName, String lastName, String email,
                             String phone) {
}
