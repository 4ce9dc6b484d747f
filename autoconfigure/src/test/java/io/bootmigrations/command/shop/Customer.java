package io.bootmigrations.command.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

/**
 * A customer: an identity key, a unique, an index, a default and a not-null column.
 */
@Entity
@Table(name = "customer", indexes = @Index(name = "idx_customer_name", columnList = "name"))
public class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "name", length = 100, nullable = false)
	private String name;

	@Column(name = "email", unique = true)
	private String email;

	@ColumnDefault("'new'")
	@Column(name = "status", length = 20, nullable = false)
	private String status;

}
