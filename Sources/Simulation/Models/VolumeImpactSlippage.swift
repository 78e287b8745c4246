import HuiceCore

/// `slippage_type: variable`: a square-root market-impact model,
///
///     impact_bps = min(cap_bps, 10,000 × (base_fraction + σ × √(shares / day_volume)))
///
/// where σ is the stock's daily return volatility over the 20 bars before the execution day
/// (2% when fewer than 5 returns are known) and base_fraction is `slippage_value` (half the
/// spread). The square-root law is the standard empirical shape of impact (Almgren et al. 2005;
/// Bouchaud et al.): trading 1% of a day's volume in a 2%-volatility stock costs about 20 bps.
public struct VolumeImpactSlippage: SlippageModel {
    public var baseFraction: Double
    public var capBps: Double

    public static let fallbackVolatility = 0.02

    public init(baseFraction: Double, capBps: Double) {
        self.baseFraction = baseFraction
        self.capBps = capBps
    }

    public var needsVolatility: Bool { true }

    /// The impact in basis points for `shares` of a day that traded `dayVolume` shares.
    public func impactBps(shares: Int, dayVolume: Int64, volatility: Double?) -> Double {
        let sigma = volatility ?? VolumeImpactSlippage.fallbackVolatility
        let participation = dayVolume > 0 ? Double(shares) / Double(dayVolume) : 1
        return min(capBps, 10_000 * (baseFraction + sigma * participation.squareRoot()))
    }

    public func quote(_ context: SlippageContext) -> SlippageQuote {
        context.slipped(byBps: impactBps(shares: context.shares, dayVolume: context.dayVolume,
                                         volatility: context.recentVolatility))
    }
}
