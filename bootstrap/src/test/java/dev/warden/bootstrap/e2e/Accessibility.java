package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's, bundled in com.deque.html.axe-core:selenium: nothing downloads at test time)
 * on the page a browser test shows: every default rule (WCAG 2.x A and AA, best practices), plus
 * {@code label-content-name-mismatch}, which axe keeps experimental: a button's accessible name
 * must contain its visible text, so speech input ("click Terminate") reaches it.
 */
final class Accessibility {
    private static final List<String> ALSO = List.of("label-content-name-mismatch");

    private Accessibility() {
    }

    static void assertNoViolations(WebDriver driver, String where) {
        Results results = new AxeBuilder().withRules(ALSO).analyze(driver);
        if (results.isErrored()) {
            fail("axe could not check " + where + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            fail("axe finds " + violations.size() + " accessibility violation(s) on " + where + " ("
                    + driver.getCurrentUrl() + "):\n" + violations.stream().map(Accessibility::describe)
                    .collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Rule rule) {
        return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n" + rule.getNodes().stream()
                .map(Accessibility::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        String summary = node.getFailureSummary() == null ? "" : node.getFailureSummary().replace("\n", " ");
        return "    " + node.getTarget() + " " + abbreviate(node.getHtml()) + "\n      " + summary;
    }

    private static String abbreviate(String html) {
        return html == null || html.length() <= 160 ? String.valueOf(html) : html.substring(0, 157) + "...";
    }
}
