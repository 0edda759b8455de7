package dev.warden.adapter.http;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

/** The web console: static files from the classpath at {@code /}, {@code index.html} as the welcome file. */
final class Console {
    private Console() {
    }

    static HttpService service(String classpathLocation) {
        return StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location(classpathLocation)
                .welcome("index.html")
                // Browsers load ES modules only with a JavaScript type; say it explicitly.
                .putContentType("js", MediaTypes.create("text/javascript"))
                .putContentType("mjs", MediaTypes.create("text/javascript"))
                .build());
    }
}
