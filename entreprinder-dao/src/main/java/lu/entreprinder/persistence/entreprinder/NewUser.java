package lu.entreprinder.persistence.entreprinder;

/**
 * What {@link UserDao#createUser(NewUser)} needs. The password hash is computed by the caller (e.g. Django's
 * {@code pbkdf2_sha256$…} form); the library stores it as given and never hashes or compares passwords.
 *
 * @param username     1..150 characters, letters, digits and {@code @.+-_} (Django's username rule); unique, compared
 *                     exactly
 * @param email        required, at most 254 characters, one {@code @}; stored lower-cased and unique
 *                     case-insensitively
 * @param passwordHash required, at most 128 characters
 * @param firstName    optional (null → ""), at most 150 characters
 * @param lastName     optional (null → ""), at most 150 characters
 */
public record NewUser(String username, String email, String passwordHash, String firstName, String lastName) {

    /** A user without first and last name. */
    public static NewUser of(String username, String email, String passwordHash) {
        return new NewUser(username, email, passwordHash, "", "");
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", email=" + email + ", passwordHash=***, firstName=" + firstName
                + ", lastName=" + lastName + "]";
    }
}
