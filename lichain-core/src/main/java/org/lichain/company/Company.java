package org.lichain.company;

/**
 * A group that owns lithium assets or downstream plants. Its id is the owner id used in
 * {@code asset_owners.csv} (e.g. {@code CATL}), so stakes come from the asset owners, not from here.
 *
 * @param kind what the group mainly is ({@code battery_maker}, {@code lithium_producer}, {@code miner},
 *             {@code automaker}, {@code archetype} for a representative non-real company)
 */
public record Company(String id, String name, String country, String kind, String source, String note) {
}
