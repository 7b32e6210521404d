package org.lichain.company;

import org.lichain.dataset.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The company part of a dataset: groups, their own plants (converters, cathode, cells), public offtakes and
 * the price and cost assumptions of the P&L. Stored in the World as {@code world.extension(Companies.class)}.
 */
public final class Companies implements org.lichain.market.IntegratedOwners {
    /** One assumption value with its source. */
    public record Value(Assumption key, double value, String source) {
    }

    private final Map<String, Company> byId;
    private final List<CompanyPlant> plants;
    private final List<Offtake> offtakes;
    private final Map<Assumption, Value> assumptions;
    private final List<PricePoint> pricePoints;

    /** A battery or car maker: it decides on the chain margin of the mines it owns (see the market's supply rule). */
    @Override
    public boolean integrated(String ownerId) {
        Company c = byId.get(ownerId);
        return c != null && INTEGRATED_KINDS.contains(c.kind());
    }

    public Companies(List<Company> companies, List<CompanyPlant> plants, List<Offtake> offtakes,
                     Map<Assumption, Value> assumptions) {
        this(companies, plants, offtakes, assumptions, List.of());
    }

    public Companies(List<Company> companies, List<CompanyPlant> plants, List<Offtake> offtakes,
                     Map<Assumption, Value> assumptions, List<PricePoint> pricePoints) {
        this.pricePoints = List.copyOf(pricePoints);
        Map<String, Company> idx = new LinkedHashMap<>();
        for (Company c : companies) {
            idx.put(c.id(), c);
        }
        this.byId = Collections.unmodifiableMap(idx);
        this.plants = List.copyOf(plants);
        this.offtakes = List.copyOf(offtakes);
        EnumMap<Assumption, Value> a = new EnumMap<>(Assumption.class);
        a.putAll(assumptions);
        this.assumptions = Collections.unmodifiableMap(a);
    }

    public List<Company> companies() {
        return List.copyOf(byId.values());
    }

    public Optional<Company> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The company with this id; {@link InvalidInputException} listing the known ids otherwise. */
    public Company company(String id) {
        Company c = byId.get(id);
        if (c == null) {
            throw new InvalidInputException("unknown company id '" + id + "', known: " + String.join(", ",
                    byId.keySet()));
        }
        return c;
    }

    public List<CompanyPlant> plants() {
        return plants;
    }

    public List<CompanyPlant> plantsOf(String companyId) {
        List<CompanyPlant> out = new ArrayList<>();
        for (CompanyPlant p : plants) {
            if (p.companyId().equals(companyId)) {
                out.add(p);
            }
        }
        return out;
    }

    public List<Offtake> offtakes() {
        return offtakes;
    }

    public List<Offtake> offtakesOf(String companyId) {
        List<Offtake> out = new ArrayList<>();
        for (Offtake o : offtakes) {
            if (o.companyId().equals(companyId)) {
                out.add(o);
            }
        }
        return out;
    }

    /** Price points of {@code company_price_points.csv}, in file order. */
    public List<PricePoint> pricePoints() {
        return pricePoints;
    }

    public Map<Assumption, Value> assumptions() {
        return assumptions;
    }

    /** An assumption's value; {@link IllegalStateException} if the dataset lacks it (the loader checks this). */
    public double value(Assumption a) {
        Value v = assumptions.get(a);
        if (v == null) {
            throw new IllegalStateException("company assumption " + a.id() + " is missing");
        }
        return v.value();
    }

    /** A copy with one assumption changed (what-if runs and tests). */
    public Companies with(Assumption a, double value, String source) {
        EnumMap<Assumption, Value> copy = new EnumMap<>(Assumption.class);
        copy.putAll(assumptions);
        copy.put(a, new Value(a, value, source));
        return new Companies(companies(), plants, offtakes, copy, pricePoints);
    }

    /** A copy with more companies and plants (tests and what-if groups). */
    public Companies withCompany(Company c, List<CompanyPlant> extraPlants) {
        List<Company> cs = new ArrayList<>(companies());
        cs.removeIf(x -> x.id().equals(c.id()));
        cs.add(c);
        List<CompanyPlant> ps = new ArrayList<>(plants);
        ps.addAll(extraPlants);
        return new Companies(cs, ps, offtakes, assumptions, pricePoints);
    }
}
