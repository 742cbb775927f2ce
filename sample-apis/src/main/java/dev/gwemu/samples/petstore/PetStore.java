package dev.gwemu.samples.petstore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory store the three handlers share. Static, like a cache kept in a Lambda
 * execution environment: it lives as long as the class loader that loaded it.
 */
public final class PetStore {

    private static final Map<Long, Pet> PETS = new ConcurrentSkipListMap<>();   // ordered by id
    private static final AtomicLong NEXT_ID = new AtomicLong(1);

    static {
        add("Rex", "dog");
        add("Tom", "cat");
        add("Nemo", "fish");
    }

    private PetStore() {
    }

    public static List<Pet> list(String type) {
        return PETS.values().stream()
                .filter(pet -> type == null || pet.type().equalsIgnoreCase(type))
                .toList();
    }

    public static Optional<Pet> get(long id) {
        return Optional.ofNullable(PETS.get(id));
    }

    public static Pet add(String name, String type) {
        Pet pet = new Pet(NEXT_ID.getAndIncrement(), name, type);
        PETS.put(pet.id(), pet);
        return pet;
    }
}
