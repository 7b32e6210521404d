package org.lichain.process;

/**
 * Fuel combustion CO2 factors, kg CO2e per GJ, used for scope 1.
 * <ul>
 * <li>natural gas 51.53: Australian NGA Factors 2024, scope 1 combined (reference/energy.md §6, [P]);</li>
 * <li>coal 95: estimate: IPCC 2006 default for bituminous coal (~95 t CO2/TJ) as quoted, flagged
 * "from memory, verify" in reference/energy.md §6;</li>
 * <li>diesel 74.1: estimate: IPCC 2006 default for gas/diesel oil (74,100 kg/TJ), not in reference/.</li>
 * </ul>
 */
public record EmissionFactors(double coalKgPerGj, double naturalGasKgPerGj, double dieselKgPerGj) {
    public static final EmissionFactors DEFAULT = new EmissionFactors(95.0, 51.53, 74.1);
}
