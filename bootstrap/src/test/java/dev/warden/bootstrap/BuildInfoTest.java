package dev.warden.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which build this is: what Maven filtered into build.properties, "unknown" for what it could not tell. */
class BuildInfoTest {

    @Test
    void theBuildNamesTheProjectVersionAndACommitOrUnknown() {
        BuildInfo build = BuildInfo.current();

        assertTrue(build.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), build.version());
        assertTrue(build.commit().matches("[0-9a-f]{12}") || build.commit().equals(BuildInfo.UNKNOWN), build.commit());
    }

    @Test
    void whatTheBuildCouldNotFillInIsUnknown() {
        // Outside a git checkout the plugin sets nothing, and Maven leaves the placeholder as it was.
        BuildInfo unfiltered = new BuildInfo("${project.version}", "${git.commit.id.abbrev}");
        BuildInfo missing = new BuildInfo(null, " ");

        assertEquals(new BuildInfo(BuildInfo.UNKNOWN, BuildInfo.UNKNOWN), unfiltered);
        assertEquals(BuildInfo.UNKNOWN, missing.version());
        assertEquals(BuildInfo.UNKNOWN, missing.commit());
        assertEquals("abcdef012345", new BuildInfo("1.0.0", " abcdef012345\n").commit());
    }
}
