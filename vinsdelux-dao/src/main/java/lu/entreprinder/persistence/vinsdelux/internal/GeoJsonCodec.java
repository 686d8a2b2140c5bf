package lu.entreprinder.persistence.vinsdelux.internal;

import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.vinsdelux.GeoJson;
import org.jooq.JSONB;

/** The {@code coordinates} JSON column: caller input validated before it is written, stored values read tolerantly. */
public final class GeoJsonCodec {

    private GeoJsonCodec() {
    }

    /** Validates optional input: null stays null. @throws ValidationException naming {@code field} */
    public static JSONB optionalColumn(String json, String field) {
        if (json == null) {
            return null;
        }
        return JSONB.valueOf(GeoJson.parse(json, field).toJson());
    }

    /**
     * Reads a stored column (null and JSON null stay null). A value another writer made that is not GeoJSON comes
     * back as {@link GeoJson.Invalid}, never as an exception: one bad row must not fail a page.
     */
    public static GeoJson fromStored(JSONB stored) {
        if (stored == null || stored.data() == null || stored.data().strip().equals("null")) {
            return null;
        }
        try {
            return GeoJson.parse(stored.data(), "coordinates");
        } catch (ValidationException e) {
            return new GeoJson.Invalid(stored.data(), e.getMessage());
        }
    }
}
