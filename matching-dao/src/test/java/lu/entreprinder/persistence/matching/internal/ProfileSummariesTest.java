package lu.entreprinder.persistence.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileSummariesTest {

    @Test
    void industryNamesSplitOnUnescapedCommasOnly() {
        assertThat(ProfileSummaries.industryNames(null)).isEmpty();
        assertThat(ProfileSummaries.industryNames("")).containsExactly("");
        assertThat(ProfileSummaries.industryNames("Energy")).containsExactly("Energy");
        assertThat(ProfileSummaries.industryNames("Energy,Fintech")).containsExactly("Energy", "Fintech");
        assertThat(ProfileSummaries.industryNames("Energy,Fintech,Health")).containsExactly("Energy", "Fintech", "Health");
        assertThat(ProfileSummaries.industryNames("Food\\, Drink,A\\\\B,\\\\,\\,,")).containsExactly("Food, Drink", "A\\B",
                "\\", ",", "");
        assertThat(ProfileSummaries.industryNames(",end\\\\")).containsExactly("", "end\\");
    }
}
