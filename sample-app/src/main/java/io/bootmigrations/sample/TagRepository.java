package io.bootmigrations.sample;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Tags, stored with Spring Data JPA.
 */
public interface TagRepository extends JpaRepository<Tag, Long> {

	Optional<Tag> findByName(String name);

}
