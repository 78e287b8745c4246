import HuiceCore

/// Fills at the reference price. Seed 002's `slippage_type: auction` (the opening call auction
/// clears every order at one price) and `none` select it.
public struct NoSlippage: SlippageModel {
    public init() {}
    public func quote(_ context: SlippageContext) -> SlippageQuote {
        SlippageQuote(price: context.referencePrice, impactBps: 0)
    }
}
