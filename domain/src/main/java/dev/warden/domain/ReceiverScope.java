package dev.warden.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a receiver's access token allows: {@code ssf.manage} (create, change and delete its
 * streams) and {@code ssf.read} (read them, poll events). A token request without {@code scope}
 * gets both (RFC 6749 section 3.3 lets the server choose a default; every registered receiver may
 * manage its own streams, so a narrower default would only make every receiver ask).
 */
public enum ReceiverScope {
    SSF_MANAGE("ssf.manage"),
    SSF_READ("ssf.read");

    /** What a token request without {@code scope} is granted. */
    public static final Set<ReceiverScope> DEFAULT = Collections.unmodifiableSet(EnumSet.allOf(ReceiverScope.class));

    private final String text;

    ReceiverScope(String text) {
        this.text = text;
    }

    /** The name on the wire, e.g. {@code ssf.manage}. */
    public String text() {
        return text;
    }

    /**
     * Reads an RFC 6749 {@code scope}: names separated by single spaces (section 3.3); a name may repeat.
     *
     * @param requested the parameter, null when absent ({@link #DEFAULT})
     * @throws IllegalArgumentException naming the first unknown or malformed name
     */
    public static Set<ReceiverScope> parse(String requested) {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested.isEmpty() || requested.startsWith(" ") || requested.endsWith(" ") || requested.contains("  ")) {
            throw new IllegalArgumentException("scope must be one or more of " + names(DEFAULT)
                    + ", separated by single spaces");
        }
        EnumSet<ReceiverScope> scopes = EnumSet.noneOf(ReceiverScope.class);
        for (String name : requested.split(" ")) {
            scopes.add(Arrays.stream(values()).filter(scope -> scope.text.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown scope '" + BoundedText.cap(name, 40)
                            + "'; supported: " + names(DEFAULT))));
        }
        return Collections.unmodifiableSet(scopes);
    }

    /** The scopes as RFC 6749 writes them: names in a fixed order, separated by a space. */
    public static String names(Set<ReceiverScope> scopes) {
        return scopes.stream().sorted().map(ReceiverScope::text).collect(Collectors.joining(" "));
    }
}
