package lu.entreprinder.persistence.crushlu;

import java.time.LocalDate;
import java.util.List;

/**
 * What a user enters for their Crush.lu profile ({@link ProfileDao#insertProfile}, {@link ProfileDao#updateProfile}).
 *
 * @param photos    one to three photo paths (storage names, at most 100 characters each); the first is required
 * @param interests up to 20 distinct interests of at most 50 characters each (stored as a JSON array)
 */
public record NewCrushProfile(LocalDate dateOfBirth, String gender, String location, String bio, String phone,
                           List<String> photos, boolean showFullName, boolean showExactAge, boolean blurPhotos,
                           List<String> interests) {

    public NewCrushProfile {
        photos = photos == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(photos));
        interests = interests == null ? null
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(interests));
    }
}
