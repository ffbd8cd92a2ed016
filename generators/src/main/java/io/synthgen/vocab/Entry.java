package io.synthgen.vocab;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of a topic: its name, the summary listed with the topic (a line and an example) and the detail given
 * when the entry is asked for by name (every field, more examples). Both are read-only once built; callers get
 * copies.
 */
record Entry(String name, ObjectNode summary, ObjectNode detail) {
}
