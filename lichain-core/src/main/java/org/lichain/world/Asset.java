package org.lichain.world;

import java.util.List;

/**
 * A lithium asset (mine, brine or converter) or a named aggregate of several.
 *
 * @param region power and grid region (ISO 3166-2 for Chinese provinces, country code elsewhere)
 */
public record Asset(String id, String name, String country, String region, ResourceType resourceType,
                    Route route, AssetKind kind, AssetStatus status2025, double lat, double lon,
                    boolean aggregate, List<Stake> owners, CapacityTimeline capacity, String source, String note) {

    public Asset {
        owners = List.copyOf(owners);
    }

    /** Same asset with another capacity timeline (scenarios derive, never mutate). */
    public Asset withCapacity(CapacityTimeline timeline) {
        return new Asset(id, name, country, region, resourceType, route, kind, status2025, lat, lon, aggregate,
                owners, timeline, source, note);
    }
}
