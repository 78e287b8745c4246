import HuiceCore
import MarketData

/// A-share daily price limits (涨跌停): the limit list's prices where the data has them, else
/// computed from the reference price by `PriceLimitRule` (board, ST status, listing age). A side
/// the limit list leaves open takes the computed value.
public struct ASharePriceLimits: PriceLimitModel {
    public init() {}

    public func band(_ context: PriceLimitContext) -> PriceBand? {
        let computed = context.referencePrice.flatMap { reference in
            PriceLimitRule.band(reference: reference, board: context.board, isST: context.isSpecialTreatment,
                                day: context.day, tradingDayOfListing: context.tradingDayOfListing,
                                listDate: context.listDate)
        }
        guard let listed = context.listed, listed.up != nil || listed.down != nil else { return computed }
        return PriceBand(up: listed.up ?? computed?.up ?? PriceBand.unboundedUp,
                         down: listed.down ?? computed?.down ?? .zero)
    }
}
