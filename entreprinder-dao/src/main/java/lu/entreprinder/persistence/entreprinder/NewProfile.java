package lu.entreprinder.persistence.entreprinder;

/**
 * What {@link EntrepreneurProfileDao#insertProfile(NewProfile)} needs.
 *
 * @param userId     the owner; one profile per user
 * @param details    headline, bio, LinkedIn URL, photo
 * @param industries null → none
 * @param skills     null → none
 */
public record NewProfile(long userId, ProfileDetails details, TagSet industries, TagSet skills) {

    public NewProfile {
        industries = industries == null ? TagSet.none() : industries;
        skills = skills == null ? TagSet.none() : skills;
    }
}
