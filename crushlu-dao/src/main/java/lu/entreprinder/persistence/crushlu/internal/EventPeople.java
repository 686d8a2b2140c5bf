package lu.entreprinder.persistence.crushlu.internal;

import java.time.LocalDate;
import java.time.Period;

/** How attendees are shown to other attendees: display name and age range, as the seed's CrushProfile computes them. */
public final class EventPeople {

    private EventPeople() {
    }

    /**
     * The seed's {@code display_name}: "first last" when the profile shows the full name, else the first name only.
     * Without a profile ({@code showFullName == null}) only the first name is shown.
     */
    public static String displayName(String firstName, String lastName, Boolean showFullName) {
        String first = firstName == null ? "" : firstName;
        if (Boolean.TRUE.equals(showFullName)) {
            String last = lastName == null ? "" : lastName;
            return last.isEmpty() ? first : first + " " + last;
        }
        return first;
    }

    /** Age in whole years on {@code today}. */
    public static int age(LocalDate dateOfBirth, LocalDate today) {
        return Period.between(dateOfBirth, today).getYears();
    }

    /** The seed's {@code age_range}: 18-24, 25-29, 30-34, 35-39, 40+. Null without a date of birth. */
    public static String ageRange(LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth == null) {
            return null;
        }
        int age = age(dateOfBirth, today);
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
