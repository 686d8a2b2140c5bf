package lu.entreprinder.persistence.entreprinder;

/**
 * The editable fields of an entrepreneur profile.
 *
 * @param headline     required, at most 200 characters
 * @param bio          required, not blank, at most {@value EntrepreneurProfileDao#MAX_BIO_LENGTH} characters
 * @param linkedinUrl  optional (null → ""): an {@code https} URL on {@code linkedin.com} or {@code www.linkedin.com},
 *                     at most 200 characters
 * @param profilePhoto optional (null → ""): a relative storage path (Django's {@code upload_to='profiles/'}), at
 *                     most 100 characters, no {@code ..} segment, no leading {@code /}, no backslash
 */
public record ProfileDetails(String headline, String bio, String linkedinUrl, String profilePhoto) {
}
