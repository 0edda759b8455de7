package dev.warden.application.fakes;

import dev.warden.application.port.out.SetPushTransport;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** Answers pushes as scripted (202 when nothing is scripted) and keeps what was pushed. */
public final class ScriptedPushTransport implements SetPushTransport {
    /** One push as the receiver saw it. */
    public record Push(URI endpoint, String authorization, String set) {
    }

    private final Deque<Supplier<Outcome>> script = new ArrayDeque<>();
    public final List<Push> pushes = new ArrayList<>();

    /** The next pushes are answered so, in order. */
    public synchronized ScriptedPushTransport then(Outcome... outcomes) {
        for (Outcome outcome : outcomes) {
            script.add(() -> outcome);
        }
        return this;
    }

    /** The next push runs this (to act in the middle of a push, e.g. pause the stream). */
    public synchronized ScriptedPushTransport thenDo(Supplier<Outcome> answer) {
        script.add(answer);
        return this;
    }

    @Override
    public Outcome push(URI endpoint, String authorization, String set) {
        Supplier<Outcome> answer;
        synchronized (this) {
            pushes.add(new Push(endpoint, authorization, set));
            answer = script.poll();
        }
        return answer == null ? new Delivered() : answer.get();
    }

    public synchronized List<Push> pushes() {
        return List.copyOf(pushes);
    }
}
