package org.lichain.environment.groundwater;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The groundwater sites of a dataset (the {@link GroundwaterExtension}'s value in the World). */
public final class GroundwaterSites {
    private final Map<String, GroundwaterSite> sites = new LinkedHashMap<>();

    public GroundwaterSites(List<GroundwaterSite> list) {
        for (GroundwaterSite s : list) {
            sites.put(s.id(), s);
        }
    }

    public List<GroundwaterSite> all() {
        return new ArrayList<>(sites.values());
    }

    /** The site, or a NoSuchElementException naming the known ids (a user error at the CLI and API). */
    public GroundwaterSite site(String id) {
        GroundwaterSite s = sites.get(id);
        if (s == null) {
            throw new NoSuchElementException(org.lichain.dataset.KnownIds.message(id, sites.keySet(), null,
                    "groundwater site", "listed in groundwater_sites.csv of the dataset"));
        }
        return s;
    }

    /** The site a monitoring well belongs to, or null. */
    public GroundwaterSite siteOfStation(String station) {
        for (GroundwaterSite s : sites.values()) {
            for (GroundwaterSite.Point p : s.points()) {
                if (station.equals(p.station())) {
                    return s;
                }
            }
        }
        return null;
    }
}
