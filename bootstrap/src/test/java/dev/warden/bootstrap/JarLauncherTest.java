package dev.warden.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JarLauncherTest {
    @Test
    void readsTheFeatureVersionOfOldAndNewVersionStrings() {
        assertEquals(8, JarLauncher.featureVersion("1.8"));
        assertEquals(11, JarLauncher.featureVersion("11"));
        assertEquals(17, JarLauncher.featureVersion("17"));
        assertEquals(21, JarLauncher.featureVersion("21"));
        assertEquals(25, JarLauncher.featureVersion("25"));
        assertEquals(0, JarLauncher.featureVersion(""), "unknown: refused like an old Java");
    }

    @Test
    void anOldJavaGetsOneLineNamingItAndWhatIsNeeded() {
        assertEquals("warden: needs Java 21 or newer, but this is Java 17 (/usr/lib/jvm/java-17); start it with the"
                + " java of a Java 21+ installation, e.g. /usr/lib/jvm/<jdk-21-or-newer>/bin/java -jar warden.jar",
                JarLauncher.tooOld("17", "/usr/lib/jvm/java-17"));
    }
}
