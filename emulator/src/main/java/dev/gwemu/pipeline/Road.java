package dev.gwemu.pipeline;

/** The way an API's requests go, from a matched stage to the response (design.md: one road per API kind). */
public interface Road {
    HttpResponse walk(Invocation inv);
}
