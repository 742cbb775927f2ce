package dev.gwemu.server;

import java.util.List;

/** Told about every request once it is answered: the console line, stage access logs. Runs on the request's thread. */
@FunctionalInterface
public interface RequestListener {
    void answered(CompletedRequest request);

    /** All of them, in order; none at all is a listener that does nothing. */
    static RequestListener all(List<RequestListener> listeners) {
        RequestListener[] each = listeners.toArray(RequestListener[]::new);
        if (each.length == 1) {
            return each[0];
        }
        return request -> {
            for (RequestListener listener : each) {
                listener.answered(request);
            }
        };
    }
}
