package org.lichain.company;

/**
 * A public offtake contract: {@code companyId} buys a share of an asset's output from {@code fromYear}
 * to {@code toYear} (0 = open-ended). Reported with the company; priced at market like any purchase,
 * so it does not change the P&L (named simplification: contract price formulas are not public).
 */
public record Offtake(String companyId, String assetId, double sharePct, int fromYear, int toYear, String source) {
}
