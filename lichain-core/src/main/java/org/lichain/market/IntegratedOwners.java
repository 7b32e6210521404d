package org.lichain.market;

/**
 * Which asset owners are integrated groups (battery or car makers that own mines): the market reads it from any
 * World extension that implements it (the company data does), so it needs no dependency on the company package.
 */
public interface IntegratedOwners {
    /** Kinds of company that decide on the chain margin (they use the lithium of their own mines downstream). */
    java.util.Set<String> INTEGRATED_KINDS = java.util.Set.of("battery_maker", "automaker");

    /** True when the owner id is an integrated group. */
    boolean integrated(String ownerId);
}
