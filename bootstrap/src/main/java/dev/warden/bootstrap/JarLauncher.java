package dev.warden.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The Main-Class of {@code warden.jar}. The service needs Java 21; an older {@code java} could not
 * even load {@link Main} and would stop with an {@code UnsupportedClassVersionError}. So this one
 * class is compiled for Java 8 (bootstrap/pom.xml, execution {@code jar-launcher-for-any-java}), and
 * uses nothing newer: on Java 21 or newer it hands the arguments to {@link Main} unchanged; on an
 * older Java it prints one line saying which Java it found and what it needs, and exits 2.
 * {@code ./warden dev} runs {@link Main} directly (the script has already found a JDK 21+).
 */
public final class JarLauncher {
    static final int REQUIRED_JAVA = 21;
    static final int WRONG_JAVA_EXIT_CODE = 2;
    private static final String MAIN = "dev.warden.bootstrap.Main";

    private JarLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        String version = System.getProperty("java.specification.version", "");
        if (featureVersion(version) < REQUIRED_JAVA) {
            System.err.println(tooOld(version, System.getProperty("java.home", "?")));
            System.exit(WRONG_JAVA_EXIT_CODE);
            return;
        }
        MethodHandle main = MethodHandles.publicLookup().findStatic(Class.forName(MAIN), "main",
                MethodType.methodType(void.class, String[].class));
        main.invokeExact(args);
    }

    /** The one line for a Java older than 21. */
    static String tooOld(String version, String javaHome) {
        return "warden: needs Java " + REQUIRED_JAVA + " or newer, but this is Java " + version + " (" + javaHome
                + "); start it with the java of a Java " + REQUIRED_JAVA + "+ installation, e.g."
                + " /usr/lib/jvm/<jdk-" + REQUIRED_JAVA + "-or-newer>/bin/java -jar warden.jar";
    }

    /** 8 for "1.8", 17 for "17"; 0 when it cannot tell (then it is refused with the same line). */
    static int featureVersion(String specificationVersion) {
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }
}
