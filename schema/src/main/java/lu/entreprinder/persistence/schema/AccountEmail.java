package lu.entreprinder.persistence.schema;

import java.util.Locale;

/**
 * The one-account-per-e-mail rule of {@code auth_user} (V15 moved it from a constraint to the write path, because
 * Django's {@code User.email} is not unique): every module that creates users compares addresses in the same form and
 * serializes on the same advisory lock name, so a sign-up and a guest invitation for one address can never both win.
 */
public final class AccountEmail {

    /** The advisory-lock namespace; the key is {@link #normalize(String) the normalized address}. */
    public static final String LOCK_NAMESPACE = "auth_user.email:";

    private AccountEmail() {
    }

    /** The address as the rule compares it: trimmed and lower-cased. Never null for a non-null address. */
    public static String normalize(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
