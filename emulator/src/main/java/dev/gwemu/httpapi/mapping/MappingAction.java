package dev.gwemu.httpapi.mapping;

/** What a parameter mapping does to its target: the part of a key before ':'. */
enum MappingAction {
    APPEND("append"), OVERWRITE("overwrite"), REMOVE("remove");

    final String word;

    MappingAction(String word) {
        this.word = word;
    }

    /** The action spelled exactly (AWS's keys are lower-case), or null. */
    static MappingAction of(String word) {
        for (MappingAction action : values()) {
            if (action.word.equals(word)) {
                return action;
            }
        }
        return null;
    }
}
