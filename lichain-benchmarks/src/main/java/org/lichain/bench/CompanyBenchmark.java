package org.lichain.bench;

import java.util.concurrent.TimeUnit;
import org.lichain.company.Companies;
import org.lichain.company.Company;
import org.lichain.company.CompanyModel;
import org.lichain.company.CompanyPnl;
import org.lichain.company.GivenPricePath;
import org.lichain.company.PricePath;
import org.lichain.company.TransferPricing;
import org.lichain.dataset.DatasetLoader;
import org.lichain.world.World;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Company P&L speed on the embedded dataset with the reference 2025 path: one group-year (CATL: 12 months,
 * its assets' balances and monthly costs, cells) and every group of the dataset in a row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompanyBenchmark {
    World world;
    Companies companies;
    PricePath path;

    @Setup
    public void setup() {
        world = DatasetLoader.loadEmbedded();
        companies = CompanyModel.companies(world);
        path = GivenPricePath.reference(world, companies, 2025);
    }

    @Benchmark
    public CompanyPnl catl2025() {
        return CompanyModel.pnl(world, companies, "CATL", 2025, path, TransferPricing.MARKET);
    }

    @Benchmark
    public double allGroups2025() {
        double s = 0;
        for (Company c : companies.companies()) {
            s += CompanyModel.pnl(world, companies, c.id(), 2025, path, TransferPricing.MARKET).integratedMarginUsd();
        }
        return s;
    }
}
