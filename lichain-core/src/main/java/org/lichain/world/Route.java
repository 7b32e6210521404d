package org.lichain.world;

import java.util.Locale;

/** A refining route from ore or brine to a battery-grade chemical; each has a process balance. */
public enum Route {
    LEPIDOLITE_SULFATE_ROAST(ResourceType.LEPIDOLITE, Product.CARBONATE),
    LEPIDOLITE_LIME_ROAST(ResourceType.LEPIDOLITE, Product.CARBONATE),
    SPODUMENE_TO_CARBONATE(ResourceType.SPODUMENE, Product.CARBONATE),
    SPODUMENE_TO_HYDROXIDE(ResourceType.SPODUMENE, Product.HYDROXIDE),
    BRINE_EVAPORATION(ResourceType.BRINE, Product.CARBONATE),
    DLE(ResourceType.BRINE, Product.CARBONATE);

    /** The chemical a route makes. */
    public enum Product { CARBONATE, HYDROXIDE }

    private final ResourceType feed;
    private final Product product;

    Route(ResourceType feed, Product product) {
        this.feed = feed;
        this.product = product;
    }

    public ResourceType feed() {
        return feed;
    }

    public Product product() {
        return product;
    }

    /** True for routes that mine and concentrate hard rock (ore → concentrate → chemical). */
    public boolean hardRock() {
        return feed == ResourceType.LEPIDOLITE || feed == ResourceType.SPODUMENE;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Route parse(String id) {
        return Enums.parse(Route.class, id);
    }
}
