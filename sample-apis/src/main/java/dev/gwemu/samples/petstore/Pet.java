package dev.gwemu.samples.petstore;

/** One pet of the store; immutable. */
public record Pet(long id, String name, String type) {

    public String toJson() {
        return "{\"id\":" + id + ",\"name\":" + Json.quote(name) + ",\"type\":" + Json.quote(type) + "}";
    }
}
