import HuiceCore

/// `slippage_type: fixed`: buys pay `reference × (1 + fraction)`, sells get `reference × (1 − fraction)`,
/// rounded half-up to the tick and kept inside the limit band.
public struct FixedFractionSlippage: SlippageModel {
    public var fraction: Double

    public init(fraction: Double) { self.fraction = fraction }

    public func quote(_ context: SlippageContext) -> SlippageQuote {
        context.slipped(byBps: fraction * 10_000)
    }
}
