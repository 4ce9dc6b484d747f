package io.bootmigrations.command.shop;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A purchase: a sequence-generated key, a foreign key and a numeric column.
 */
@Entity
@Table(name = "purchase")
public class Purchase {

	@Id
	@SequenceGenerator(name = "purchase_seq", sequenceName = "purchase_seq", allocationSize = 50)
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "purchase_seq")
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "customer_id")
	private Customer customer;

	@Column(name = "amount", precision = 10, scale = 2, nullable = false)
	private BigDecimal amount;

}
