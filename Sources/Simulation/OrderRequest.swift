import HuiceCore

/// An order a strategy submits after a close; it executes in the next session.
public struct OrderRequest: Sendable {
    /// The instrument's number in the run's `MarketPanel`.
    public var instrument: Int
    public var side: OrderSide
    public var sizing: OrderSizing
    public var type: OrderType
    /// For `type == .limit`: the limit price.
    public var limitPrice: Price?
    public var tag: OrderTag

    public init(instrument: Int, side: OrderSide, sizing: OrderSizing, type: OrderType = .auction,
                limitPrice: Price? = nil, tag: OrderTag = OrderTag()) {
        self.instrument = instrument
        self.side = side
        self.sizing = sizing
        self.type = type
        self.limitPrice = limitPrice
        self.tag = tag
    }

    public static func buy(_ instrument: Int, _ sizing: OrderSizing, tag: OrderTag = OrderTag()) -> OrderRequest {
        OrderRequest(instrument: instrument, side: .buy, sizing: sizing, tag: tag)
    }

    public static func sell(_ instrument: Int, _ sizing: OrderSizing = .entirePosition, tag: OrderTag = OrderTag()) -> OrderRequest {
        OrderRequest(instrument: instrument, side: .sell, sizing: sizing, tag: tag)
    }

    /// Buys or sells the difference to `fraction` of equity valued at the execution open.
    public static func target(_ instrument: Int, percent fraction: Double, tag: OrderTag = OrderTag()) -> OrderRequest {
        OrderRequest(instrument: instrument, side: .buy, sizing: .targetPercent(fraction), tag: tag)
    }
}

/// How many shares an order wants.
public enum OrderSizing: Sendable, Equatable {
    /// A share count (rounded down to the lot rules).
    case shares(Int)
    /// As many shares as `value` buys at the fill price.
    case value(Money)
    /// A fraction of equity at the decision day's close (seed 002 `position_size`), capped by
    /// `max_position_pct`; shares as for `.value`.
    case percentOfEquity(Double)
    /// Hold `fraction` of equity valued at the execution open: buys or sells the difference
    /// (the order's `side` is ignored).
    case targetPercent(Double)
    /// Sell the whole position.
    case entirePosition
}

/// What travels with an order into its trade records: signal provenance, per-signal exits,
/// and why the engine submitted it.
public struct OrderTag: Sendable, Equatable {
    public var signalID: String
    /// Buys execute in descending score (then code); seed 002 `final_score`.
    public var score: Double?
    public var recommendation: Recommendation?
    public var source: SignalSource?
    public var integrationMode: String?
    public var backtestState: BacktestState
    /// Per-signal stop and target prices; they override the config's percentages.
    public var stopPrice: Price?
    public var targetPrice: Price?
    public var exitReason: ExitReason?

    public init(signalID: String = "", score: Double? = nil, recommendation: Recommendation? = nil,
                source: SignalSource? = nil, integrationMode: String? = nil, backtestState: BacktestState = .normal,
                stopPrice: Price? = nil, targetPrice: Price? = nil, exitReason: ExitReason? = nil) {
        self.signalID = signalID
        self.score = score
        self.recommendation = recommendation
        self.source = source
        self.integrationMode = integrationMode
        self.backtestState = backtestState
        self.stopPrice = stopPrice
        self.targetPrice = targetPrice
        self.exitReason = exitReason
    }
}

extension OrderTag {
    /// Whether the tag carries nothing (the common case for strategy orders): such orders share
    /// the log's tag 0 instead of storing a copy.
    public var isEmpty: Bool { isEmptyApartFromExitReason && exitReason == nil }
}

/// The immediate answer to a submission.
public enum OrderSubmission: Sendable, Equatable {
    /// Queued for the next session.
    case accepted(orderID: Int)
    /// Refused at the close (recorded as a rejected trade with this reason).
    case rejected(FilledReason)
    /// Dropped without a record: the run has no next session, or the order is redundant
    /// (selling a position that is already being sold).
    case ignored
}
