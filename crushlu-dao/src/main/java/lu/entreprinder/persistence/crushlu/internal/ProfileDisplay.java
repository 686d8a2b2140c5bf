package lu.entreprinder.persistence.crushlu.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * The derived values of a Crush.lu profile, as the original model's properties define them: {@code display_name},
 * {@code age} and {@code age_range}. Shared by the profile, review and event code of this module.
 */
public final class ProfileDisplay {

    private ProfileDisplay() {
    }

    /** "first last" when the profile shows its full name (just "first" without a last name), else the first name. */
    public static String displayName(String firstName, String lastName, boolean showFullName) {
        String first = firstName == null ? "" : firstName;
        String last = lastName == null ? "" : lastName;
        return showFullName && !last.isEmpty() ? first + " " + last : first;
    }

    /** Whole years between the date of birth and {@code today} (the birthday counts from its own day). */
    public static int age(LocalDate dateOfBirth, LocalDate today) {
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(today, "today");
        return Period.between(dateOfBirth, today).getYears();
    }

    /** The age range on {@code today}, or null without a date of birth (a user without a profile). */
    public static String ageRange(LocalDate dateOfBirth, LocalDate today) {
        return dateOfBirth == null ? null : ageRange(age(dateOfBirth, today));
    }

    /** The seed's buckets: 18-24, 25-29, 30-34, 35-39, 40+ (an age below 25 is "18-24"). */
    public static String ageRange(int age) {
        if (age < 25) {
            return "18-24";
        } else if (age < 30) {
            return "25-29";
        } else if (age < 35) {
            return "30-34";
        } else if (age < 40) {
            return "35-39";
        }
        return "40+";
    }
}
