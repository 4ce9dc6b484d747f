package io.bootmigrations.sample;

import java.time.Instant;

/**
 * A note.
 *
 * @param id the id
 * @param title the title
 * @param body the text
 * @param pinned whether it is pinned to the top
 * @param createdAt when it was written
 */
public record Note(long id, String title, String body, boolean pinned, Instant createdAt) {

}
