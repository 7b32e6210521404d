package org.lichain.world;

/** An owner's share of an asset, in percent (0–100). */
public record Stake(String ownerId, double stakePct, String source) {
}
