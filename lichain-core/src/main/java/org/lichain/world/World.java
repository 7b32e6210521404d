package org.lichain.world;

import org.lichain.dataset.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The immutable data of one LiChain world: assets with their timelines, route and asset parameters,
 * input prices, FX, grid factors, fiscal terms and reference prices, plus typed extensions that other
 * capabilities load from the same dataset (river network, companies, demand drivers, ...).
 * A scenario derives a new World; it never mutates one.
 */
public final class World {
    private final List<Asset> assets;
    private final Map<String, Asset> byId;
    private final Map<Route, Parameters> routeParameters;
    private final Map<String, Parameters> assetParameters;
    private final Map<String, List<Production>> production;
    private final InputPrices inputPrices;
    private final Fx fx;
    private final GridFactors gridFactors;
    private final Fiscal fiscal;
    private final ReferencePrices referencePrices;
    private final Map<Class<?>, Object> extensions;

    public World(List<Asset> assets, Map<Route, Parameters> routeParameters, Map<String, Parameters> assetParameters,
                 List<Production> production, InputPrices inputPrices, Fx fx, GridFactors gridFactors, Fiscal fiscal,
                 ReferencePrices referencePrices, Map<Class<?>, Object> extensions) {
        this.assets = List.copyOf(assets);
        Map<String, Asset> idx = new LinkedHashMap<>();
        for (Asset a : assets) {
            idx.put(a.id(), a);
        }
        this.byId = Collections.unmodifiableMap(idx);
        EnumMap<Route, Parameters> rp = new EnumMap<>(Route.class);
        rp.putAll(routeParameters);
        this.routeParameters = Collections.unmodifiableMap(rp);
        this.assetParameters = Map.copyOf(assetParameters);
        Map<String, List<Production>> prod = new HashMap<>();
        for (Production p : production) {
            prod.computeIfAbsent(p.assetId(), k -> new ArrayList<>()).add(p);
        }
        this.production = Collections.unmodifiableMap(prod);
        this.inputPrices = inputPrices;
        this.fx = fx;
        this.gridFactors = gridFactors;
        this.fiscal = fiscal;
        this.referencePrices = referencePrices;
        this.extensions = Map.copyOf(extensions);
    }

    public List<Asset> assets() {
        return assets;
    }

    public Optional<Asset> findAsset(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The asset with this id; {@link InvalidInputException} naming the id otherwise. */
    public Asset asset(String id) {
        Asset a = byId.get(id);
        if (a == null) {
            throw new InvalidInputException("unknown asset id '" + id + "'");
        }
        return a;
    }

    public Map<Route, Parameters> routeParameters() {
        return routeParameters;
    }

    public Map<String, Parameters> assetParameters() {
        return assetParameters;
    }

    /** Route defaults overridden by the asset's own parameters. */
    public Parameters parametersOf(Asset a) {
        Parameters base = routeParameters.getOrDefault(a.route(), Parameters.empty());
        Parameters own = assetParameters.get(a.id());
        return own == null ? base : base.overriddenBy(own);
    }

    public List<Production> productionOf(String assetId) {
        return production.getOrDefault(assetId, List.of());
    }

    public Optional<Production> productionOf(String assetId, int year) {
        for (Production p : productionOf(assetId)) {
            if (p.year() == year) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public List<Production> allProduction() {
        List<Production> all = new ArrayList<>();
        for (Asset a : assets) {
            all.addAll(productionOf(a.id()));
        }
        return all;
    }

    public InputPrices inputPrices() {
        return inputPrices;
    }

    public Fx fx() {
        return fx;
    }

    public GridFactors gridFactors() {
        return gridFactors;
    }

    public Fiscal fiscal() {
        return fiscal;
    }

    public ReferencePrices referencePrices() {
        return referencePrices;
    }

    /** A typed extension loaded by another capability, e.g. {@code world.extension(RiverNetwork.class)}. */
    public <T> Optional<T> extension(Class<T> type) {
        return Optional.ofNullable(type.cast(extensions.get(type)));
    }

    public Map<Class<?>, Object> extensions() {
        return extensions;
    }

    /** A world with one asset replaced (scenario shocks). */
    public World withAsset(String id, UnaryOperator<Asset> change) {
        List<Asset> copy = new ArrayList<>(assets.size());
        boolean found = false;
        for (Asset a : assets) {
            if (a.id().equals(id)) {
                copy.add(change.apply(a));
                found = true;
            } else {
                copy.add(a);
            }
        }
        if (!found) {
            throw new InvalidInputException("unknown asset id '" + id + "'");
        }
        return new World(copy, routeParameters, assetParameters, allProduction(), inputPrices, fx, gridFactors, fiscal,
                referencePrices, extensions);
    }

    /** A world with one more or one replaced extension. */
    public <T> World withExtension(Class<T> type, T value) {
        Map<Class<?>, Object> ext = new HashMap<>(extensions);
        ext.put(type, value);
        return new World(assets, routeParameters, assetParameters, allProduction(), inputPrices, fx, gridFactors, fiscal,
                referencePrices, ext);
    }

    /** A world with different asset parameters (scenario overrides). */
    public World withAssetParameters(Map<String, Parameters> params) {
        return new World(assets, routeParameters, params, allProduction(), inputPrices, fx, gridFactors, fiscal,
                referencePrices, extensions);
    }
}
