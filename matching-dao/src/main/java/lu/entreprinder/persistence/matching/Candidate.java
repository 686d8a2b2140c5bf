package lu.entreprinder.persistence.matching;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A user someone could like next, with how much their profiles share.
 *
 * @param userId           the candidate's user id
 * @param username         the candidate's username
 * @param firstName        the candidate's first name ({@code ""} when blank)
 * @param dateJoined       when the candidate joined
 * @param sharedSkills     skills both profiles list
 * @param sharedIndustries industries both profiles list
 * @param profile          the candidate's profile summary (always {@link ProfileSummary#present() present})
 */
public record Candidate(long userId, String username, String firstName, OffsetDateTime dateJoined,
                        int sharedSkills, int sharedIndustries, ProfileSummary profile) {

    public Candidate {
        Objects.requireNonNull(dateJoined, "dateJoined");
        Objects.requireNonNull(profile, "profile");
    }

    /** The ranking score: shared skills plus shared industries. */
    public int score() {
        return sharedSkills + sharedIndustries;
    }
}
