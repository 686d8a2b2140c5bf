package lu.entreprinder.persistence.entreprinder;

/** A skill ({@code entreprinder_skill}). */
public record Skill(long id, String name) {
}
