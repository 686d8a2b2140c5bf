package lu.entreprinder.persistence.entreprinder;

/** An industry ({@code entreprinder_industry}). */
public record Industry(long id, String name) {
}
