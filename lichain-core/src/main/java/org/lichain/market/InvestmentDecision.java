package org.lichain.market;

/**
 * Investment decisions (FID) of development projects, pure functions tested in {@code InvestmentDecisionTest}.
 * A project takes FID when all hold:
 * <ol>
 * <li>the expected balance at its horizon (now + lead time) is short: capacity already built, under construction or
 * committed (earlier FIDs still ramping) × normal utilisation falls below projected demand × (1 + reserve margin);
 * demand is projected from the last twelve months' use grown at the rate of the scenario's demand outlook (public
 * forecasts), or at the trailing growth (bounded) where the outlook ends before the horizon. A short balance
 * means the price must rise to call forth new supply (at least to the incentive price of the projects that meet it),
 * so investors do not wait for today's price to pay for it: the decision does not look at the price at all
 * (named simplification);</li>
 * <li>fewer than {@code max_fids_per_year} projects of its type took FID in the same calendar year (engineering,
 * finance and permitting capacity).</li>
 * </ol>
 * Lead times are drawn per project from a lognormal around the type's lead time, and a share of FIDs never produce
 * (attrition); both from the run's seeded random stream, so a run is reproducible.
 */
public final class InvestmentDecision {
    /** Bound on the projected annual demand growth (log): ±30%/yr, so one odd year does not trigger a wave. */
    static final double MAX_LOG_GROWTH_PER_YEAR = 0.262;

    private InvestmentDecision() {
    }

    /** Demand projected {@code horizonMonths} ahead from the trailing 12-month mean and its log growth per year. */
    public static double projectedDemand(double trailingMeanTLcePerMonth, double logGrowthPerYear,
                                         double horizonMonths) {
        double g = Math.max(-MAX_LOG_GROWTH_PER_YEAR, Math.min(MAX_LOG_GROWTH_PER_YEAR, logGrowthPerYear));
        return trailingMeanTLcePerMonth * Math.exp(g * horizonMonths / 12.0);
    }

    /** True when the expected balance at the horizon is short (see the class comment). */
    public static boolean balanceShort(double committedCapacityAtHorizonTLce, double normalUtilisation,
                                       double projectedDemandTLce, double reserveMarginPct) {
        return committedCapacityAtHorizonTLce * normalUtilisation < projectedDemandTLce * (1 + reserveMarginPct / 100.0);
    }

    /** True when the project takes FID this month (see the class comment). */
    public static boolean takesFid(double committedCapacityAtHorizonTLce, double normalUtilisation,
                                   double projectedDemandTLce, double reserveMarginPct,
                                   int fidsThisYearOfType, double maxFidsPerYear) {
        return fidsThisYearOfType < maxFidsPerYear
                && balanceShort(committedCapacityAtHorizonTLce, normalUtilisation, projectedDemandTLce, reserveMarginPct);
    }

    /**
     * Fast-track projects (quick, high-cost hard rock: {@link MarketInputs#genericProjects}) also need the spot price
     * (last month's) at least {@code multiple} × their C1: such supply is rushed only in a price boom, as in 2021–23
     * when Zimbabwean and Chinese lepidolite projects were bought and built within 12–18 months (reference/assets.csv
     * ZW-01, ZW-02, CN-JX-01). Their investors read the spot, not the slow adaptive expectation that the rest of the
     * model uses: Bikita was bought in Jan 2022 and Arcadia in Apr 2022 with the SMM carbonate monthly mean at CNY 329k
     * and 485k (reference/prices_monthly.csv), while that expectation (weight 0.06 a month) stood at 114k and 175k.
     */
    public static boolean fastTrackPriceReached(double spotPriceUsd, double c1Usd, double multiple) {
        return spotPriceUsd >= multiple * c1Usd;
    }

    /** A lead time drawn as {@code base × exp(σ z)} (z standard normal), rounded to whole months, at least 6. */
    public static int leadTimeMonths(double baseMonths, double sigma, double z) {
        return Math.max(6, (int) Math.round(baseMonths * Math.exp(sigma * z)));
    }
}
