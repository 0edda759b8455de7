package dev.warden.adapter.password;

import static dev.warden.adapter.password.RandomText.randomOf;
import static dev.warden.adapter.password.RandomText.randomPrintableAscii;

import com.nulabinc.zxcvbn.Zxcvbn;
import dev.warden.domain.PasswordPolicy;
import dev.warden.domain.PasswordRejected;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What one new password's checks cost in CPU at worst: the whole {@link PasswordPolicy#check}
 * (raw-length cap, NFKC, length, control characters, username, then {@link CommonPasswordBlocklist}:
 * the shipped list and zxcvbn over affordable stretches) for a corpus of pathological inputs, each
 * timed {@code samples} times on this thread's CPU clock after a warm-up pass, against the median
 * CPU time of one Argon2id verification ({@link Argon2PasswordHasher}). The goal: no input costs
 * more than about one hash. Also times, once, what the old check (zxcvbn over the whole password)
 * cost for the finding's input, for contrast. {@code bench/password-check-cost.sh} runs it in fresh
 * JVMs; docs/benchmarks.md has the figures. Named so that surefire does not run it: timing targets
 * live in benchmarks, never in tests.
 *
 * <p>Prints one {@code RESULT class=.. inputs=.. median_ms=.. max_ms=.. most_zxcvbn_calls=.. worst=..} line per input
 * class (per input the median of its samples; then the class's median and maximum of those), then
 * {@code RESULT argon2 cpu_p50_ms=..}, {@code RESULT old_whole_zxcvbn ..} and
 * {@code RESULT overall max_ms=.. max_per_hash=..}.
 */
public final class PasswordCheckCostBenchmark {
    /** The finding's input: 20 distinct characters zxcvbn tries as l33t substitutions. */
    private static final String LEET = "4@8(3691!|70$5%2+{[<";
    /** The l33t characters that each stand for two letters, the costliest for zxcvbn to combine. */
    private static final String COSTLY_L33T = "1|7!({[<@4$5+";
    /** About 16 KiB of request body: the most any input can be. */
    private static final int BODY_CAP_BYTES = 16 * 1024;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private record Input(String username, String password) {
    }

    private PasswordCheckCostBenchmark() {
    }

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261206L;
        CommonPasswordBlocklist blocklist = new CommonPasswordBlocklist();
        // Untimed: the same check counting what zxcvbn is asked (it stops at the first strong stretch).
        Zxcvbn counted = new Zxcvbn();
        int[] calls = new int[1];
        CommonPasswordBlocklist counting = new CommonPasswordBlocklist(stretch -> {
            calls[0]++;
            return counted.measure(stretch).getGuesses();
        });
        Map<String, List<Input>> corpus = corpus(new Random(seed));

        // Warm-up, at least three passes and ten seconds: every path compiled before timing (on two
        // busy cores the compiler threads need a while), for both blocklists.
        long warmUpEnd = System.nanoTime() + 10_000_000_000L;
        for (int pass = 0; pass < 3 || System.nanoTime() < warmUpEnd; pass++) {
            corpus.values().forEach(inputs -> inputs.forEach(input -> {
                check(input, blocklist);
                check(input, counting);
            }));
        }
        double overallMax = 0;
        String overallWorst = "";
        Map<String, String> lines = new LinkedHashMap<>();
        for (Map.Entry<String, List<Input>> inputClass : corpus.entrySet()) {
            List<Double> medians = new ArrayList<>();
            double max = 0;
            Input worst = null;
            Map<String, Integer> outcomes = new TreeMap<>();
            int mostCalls = 0;
            for (Input input : inputClass.getValue()) {
                long[] cpu = new long[samples];
                String outcome = "";
                for (int s = 0; s < samples; s++) {
                    long start = CPU.getCurrentThreadCpuTime();
                    outcome = check(input, blocklist);
                    cpu[s] = CPU.getCurrentThreadCpuTime() - start;
                }
                outcomes.merge(outcome, 1, Integer::sum);
                calls[0] = 0;
                check(input, counting);
                mostCalls = Math.max(mostCalls, calls[0]);
                Arrays.sort(cpu);
                double median = cpu[samples / 2] / 1e6;
                medians.add(median);
                if (median > max) {
                    max = median;
                    worst = input;
                }
            }
            medians.sort(null);
            double classMedian = medians.get(medians.size() / 2);
            String describe = describe(worst);
            lines.put(inputClass.getKey(), String.format(
                    "RESULT class=%s inputs=%d median_ms=%.3f max_ms=%.3f most_zxcvbn_calls=%d outcomes=%s worst=%s",
                    inputClass.getKey(), medians.size(), classMedian, max, mostCalls,
                    outcomes.toString().replace(" ", ""), describe));
            if (max > overallMax) {
                overallMax = max;
                overallWorst = inputClass.getKey() + ":" + describe;
            }
        }
        double argon2 = argon2Median();
        lines.values().forEach(System.out::println);
        System.out.printf("RESULT argon2 cpu_p50_ms=%.1f%n", argon2);
        // The old check: zxcvbn over the whole password (warm: it measured the corpus's stretches).
        Zxcvbn zxcvbn = new Zxcvbn();
        for (int length : new int[] {20, 24, 128}) {
            String finding = LEET.repeat(7).substring(0, length);
            long start = CPU.getCurrentThreadCpuTime();
            zxcvbn.measure(finding);
            System.out.printf("RESULT old_whole_zxcvbn length=%d cpu_ms=%.0f%n", length,
                    (CPU.getCurrentThreadCpuTime() - start) / 1e6);
        }
        System.out.printf("RESULT overall max_ms=%.3f max_per_hash=%.2f worst=%s%n",
                overallMax, overallMax / argon2, overallWorst);
    }

    /** The check as a password change runs it; answers the outcome (accepted or the rule). */
    private static String check(Input input, CommonPasswordBlocklist blocklist) {
        try {
            PasswordPolicy.check(input.username(), input.password(), blocklist::contains);
            return "accepted";
        } catch (PasswordRejected rejected) {
            return rejected.rule().name();
        }
    }

    private static Map<String, List<Input>> corpus(Random random) {
        Map<String, List<Input>> corpus = new LinkedHashMap<>();
        int[] lengths = {12, 13, 16, 20, 24, 25, 32, 48, 64, 72, 73, 96, 128};

        List<Input> leetRepeat = new ArrayList<>();
        for (int rotation = 0; rotation < LEET.length(); rotation += 5) {
            String rotated = LEET.substring(rotation) + LEET.substring(0, rotation);
            for (int length : lengths) {
                leetRepeat.add(new Input("carol", rotated.repeat(7).substring(0, length)));
            }
        }
        corpus.put("leet-repeat", leetRepeat);

        corpus.put("leet-random", randomClass(random, lengths, 3, length -> randomOf(random, LEET, length)));
        corpus.put("costly-l33t-random", randomClass(random, lengths, 3, length -> randomOf(random, COSTLY_L33T, length)));

        // At the bounds of what zxcvbn is shown: stretches of 12, 16 and 24 UTF-16 units with as many
        // distinct costly l33t characters as each may hold, weak or strong, periodic or not.
        List<Input> bounds = new ArrayList<>();
        for (String unit : List.of(COSTLY_L33T.substring(0, 12), COSTLY_L33T.substring(0, 10),
                COSTLY_L33T.substring(0, 8), "!1|7@4$5+(", "1|7!({[<3@", "1|7!")) {
            for (int length : lengths) {
                bounds.add(new Input("carol", unit.repeat(40).substring(0, length)));
                bounds.add(new Input("carol", shuffledOf(random, unit, length)));
            }
        }
        corpus.put("l33t-at-the-bounds", bounds);

        // Built to be cut into many stretches, each of them weak-looking (neither periodic nor
        // affordable whole): digits up and down (ten distinct l33t characters, stretches of 16),
        // keyboard walks, the alphabet, common words (stretches of 24); then the same with a costly
        // stretch last.
        List<Input> weakStretches = new ArrayList<>();
        String zigzag = "0123456789876543210".repeat(8);
        String updown = "1234567890123456" + "6543210987654321";
        List<String> weakPrefixes = List.of(updown.repeat(4).substring(0, 72), updown.repeat(4).substring(0, 128),
                zigzag.substring(0, 72), zigzag.substring(3, 75), zigzag.substring(0, 128),
                "qwertyuiopasdfghjklzxcvbnmqazwsxedcrfvtgbyhnujmikolpmnbvcxzlkjhgfdsapoiuytrewq".substring(0, 72),
                "abcdefghijklmnopqrstuvwxyzzyxwvutsrqponmlkjihgfedcbaabcdefghijklmnopqrstuvwxyz".substring(0, 72),
                "passwordiloveyousunshinefootballprincesswelcomemonkeydragonmichaelsuperman".substring(0, 72));
        for (String prefix : weakPrefixes) {
            weakStretches.add(new Input("carol", prefix));
            for (String costly : List.of("!1<|+{4@($75", "1|7!({[<@4$5")) {
                weakStretches.add(new Input("carol", prefix.substring(0, 60) + costly));
            }
        }
        corpus.put("many-stretches", weakStretches);

        // The costliest strings of 12 to 32 characters a random search (hill climbing on zxcvbn's CPU
        // time) found, alone and repeated to 128.
        List<Input> searched = new ArrayList<>();
        for (String found : List.of("!1<|+{4@($75", "7$(+|<!14@5{", "![${5<+7ex|(", "|9+@476[(1ze", "e77|<{+$a15s",
                "6$za|l%1|o95!651", "(@{80+0|!!t07[7a", "$([!|7+{1571![!!", "0!17[|0[66de{+[6x{[z1e(+",
                "7|74+4i((@4lo|+@{10g7o4<", "@71|{4!(1@|@!7@{71|1@({|", "1{[|+!7[!!|{|{177|+!|+{+",
                "44|3[|db4[1s{4[+i[1a++l|7|1|3d3{")) {
            searched.add(new Input("carol", found));
            searched.add(new Input("carol", found.repeat(11).substring(0, 128)));
        }
        corpus.put("searched-worst", searched);

        corpus.put("printable-ascii", randomClass(random, lengths, 3, length -> randomPrintableAscii(random, length)));
        corpus.put("unicode", randomClass(random, lengths, 3, length -> randomUnicode(random, length)));

        List<Input> marks = new ArrayList<>();
        int maxMarks = BODY_CAP_BYTES / 2 - 64; // two UTF-8 bytes each, room for the rest of the body
        for (int count : new int[] {11, 127, 500, 1_000, 1_023, 1_024, 2_000, 4_000, maxMarks}) {
            marks.add(new Input("carol", "a" + alternatingMarks(count)));
            // composing pairs: each e + acute composes to one code point
            marks.add(new Input("carol", "e\u0301".repeat(Math.max(6, count / 2))));
        }
        corpus.put("combining-marks", marks);

        List<Input> usernames = new ArrayList<>();
        usernames.add(new Input("a".repeat(BODY_CAP_BYTES - 200), "a".repeat(128)));
        usernames.add(new Input("ab".repeat(512), "ab".repeat(64)));
        usernames.add(new Input("a" + alternatingMarks(1_023), "a".repeat(128)));
        usernames.add(new Input("a" + alternatingMarks(BODY_CAP_BYTES / 2 - 200), "a".repeat(128)));
        usernames.add(new Input("\uFDFA".repeat(1_024), "a fine long passphrase"));
        usernames.add(new Input("\uFDFA".repeat(BODY_CAP_BYTES / 3 - 100), "a fine long passphrase"));
        usernames.add(new Input("carol".repeat(25), "carol".repeat(25) + "xyz"));
        corpus.put("long-username", usernames);

        corpus.put("ordinary", List.of(
                new Input("carol", "correct horse battery staple"),
                new Input("carol", "a fine long passphrase"),
                new Input("carol", "Tr0ub4dor&3 under the bridge"),
                new Input("carol", "P@ssw0rd12345678"),
                new Input("carol", "iloveyou12345678"),
                new Input("carol", "mauve giraffe kettle 42, then a long walk by the river on a grey afternoon"),
                new Input("carol", "Xk9#mQ2$vL7@pR4^wT8&zN3*")));
        return corpus;
    }

    private static List<Input> randomClass(Random random, int[] lengths, int perLength,
                                           java.util.function.IntFunction<String> make) {
        List<Input> inputs = new ArrayList<>();
        for (int length : lengths) {
            for (int i = 0; i < perLength; i++) {
                inputs.add(new Input("carol", make.apply(length)));
            }
        }
        return inputs;
    }

    /** Every character of {@code alphabet} once, then random picks from it, shuffled. */
    private static String shuffledOf(Random random, String alphabet, int length) {
        List<Character> chars = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            chars.add(i < alphabet.length() ? alphabet.charAt(i) : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        java.util.Collections.shuffle(chars, random);
        StringBuilder out = new StringBuilder();
        chars.forEach(out::append);
        return out.toString();
    }

    /** Assigned, non-control code points from all planes, a third of them outside the BMP. */
    private static String randomUnicode(Random random, int length) {
        StringBuilder out = new StringBuilder();
        while (out.codePointCount(0, out.length()) < length) {
            int codePoint = random.nextInt(3) == 0 ? 0x10000 + random.nextInt(0x20000) : 0xA0 + random.nextInt(0xFF00);
            int type = Character.getType(codePoint);
            if (Character.isDefined(codePoint) && type != Character.CONTROL && type != Character.SURROGATE
                    && type != Character.PRIVATE_USE && type != Character.UNASSIGNED) {
                out.appendCodePoint(codePoint);
            }
        }
        return out.toString();
    }

    /** Combining marks of alternating classes (acute above, 230; grave below, 220): NFKC's worst. */
    private static String alternatingMarks(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i % 2 == 0 ? '\u0301' : '\u0316');
        }
        return out.toString();
    }

    private static String describe(Input input) {
        if (input == null) {
            return "-";
        }
        String password = input.password();
        int codePoints = password.codePointCount(0, password.length());
        String head = codePoints <= 24 ? password : password.substring(0, password.offsetByCodePoints(0, 16)) + "...";
        StringBuilder safe = new StringBuilder();
        head.codePoints().forEach(c -> {
            if (c >= 0x21 && c < 0x7F) {
                safe.appendCodePoint(c);
            } else {
                safe.append(String.format("U+%04X", c));
            }
        });
        int usernameCodePoints = input.username().codePointCount(0, input.username().length());
        return "\"" + safe + "\"(" + codePoints + "cp" + (usernameCodePoints > 5 ? ",username:" + usernameCodePoints + "cp" : "")
                + ")";
    }

    private static double argon2Median() {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(new SecureRandom());
        String password = "correct horse battery staple";
        String hash = hasher.hash(password);
        for (int i = 0; i < 10; i++) {
            hasher.verify(password, hash);
        }
        long[] cpu = new long[30];
        for (int i = 0; i < cpu.length; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            hasher.verify(password, hash);
            cpu[i] = CPU.getCurrentThreadCpuTime() - start;
        }
        Arrays.sort(cpu);
        return cpu[cpu.length / 2] / 1e6;
    }
}
