package lu.entreprinder.persistence.entreprinder;

import java.util.List;

/**
 * An entrepreneur profile with its user (without password hash), industries and skills (each ordered by name).
 */
public record EntrepreneurProfileView(long id, UserAccount user, String headline, String bio, String linkedinUrl,
                                      String profilePhoto, List<Industry> industries, List<Skill> skills) {

    public EntrepreneurProfileView {
        industries = List.copyOf(industries);
        skills = List.copyOf(skills);
    }
}
