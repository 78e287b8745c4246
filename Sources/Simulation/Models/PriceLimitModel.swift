import HuiceCore
import MarketData

/// What a price-limit model sees of a stock on one day.
public struct PriceLimitContext: Sendable {
    public var board: Board
    /// ST / *ST on `day`.
    public var isSpecialTreatment: Bool
    public var listDate: TradingDay?
    public var tick: Price
    public var day: TradingDay
    /// The data's pre_close, else the previous bar's close; nil for a first bar without one.
    public var referencePrice: Price?
    /// 1 on the listing day, 2 on the next trading day, …; nil when the listing date is unknown.
    public var tradingDayOfListing: Int?
    /// The limit list's entry for the day, when the data has one.
    public var listed: PriceLimitTable.Entry?

    public init(board: Board, isSpecialTreatment: Bool, listDate: TradingDay?, tick: Price, day: TradingDay,
                referencePrice: Price?, tradingDayOfListing: Int?, listed: PriceLimitTable.Entry?) {
        self.board = board
        self.isSpecialTreatment = isSpecialTreatment
        self.listDate = listDate
        self.tick = tick
        self.day = day
        self.referencePrice = referencePrice
        self.tradingDayOfListing = tradingDayOfListing
        self.listed = listed
    }
}

/// Gives the day's limit band, or nil when the stock has no limit that day.
public protocol PriceLimitModel: Sendable {
    func band(_ context: PriceLimitContext) -> PriceBand?
}

/// No price limits (the generic profile).
public struct NoPriceLimits: PriceLimitModel {
    public init() {}
    public func band(_ context: PriceLimitContext) -> PriceBand? { nil }
}
