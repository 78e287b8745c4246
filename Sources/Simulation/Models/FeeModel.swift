import HuiceCore

/// What a fee model sees of one fill.
public struct FeeContext: Sendable {
    public var side: OrderSide
    /// shares × fill price, to the fen.
    public var amount: Money
    public var shares: Int
    /// The execution day: rates switch on it.
    public var day: TradingDay
    public var board: Board

    public init(side: OrderSide, amount: Money, shares: Int, day: TradingDay, board: Board) {
        self.side = side
        self.amount = amount
        self.shares = shares
        self.day = day
        self.board = board
    }
}

/// The fee lines of one fill, each already rounded half-up to the fen.
public struct FeeBreakdown: Sendable, Equatable {
    public var commission: Money
    public var stampTax: Money
    public var transferFee: Money

    public init(commission: Money = .zero, stampTax: Money = .zero, transferFee: Money = .zero) {
        self.commission = commission
        self.stampTax = stampTax
        self.transferFee = transferFee
    }

    public static var none: FeeBreakdown { FeeBreakdown() }
    public var total: Money { commission + stampTax + transferFee }
}

/// Prices the fees of a fill.
public protocol FeeModel: Sendable {
    func fees(for fill: FeeContext) -> FeeBreakdown
}

/// Commission as charged by a broker: `max(minimum, amount × rate)`, each rounded to the fen.
public struct CommissionRule: Sendable, Equatable, Codable {
    public var rate: Rate
    public var minimum: Money

    public init(rate: Rate, minimum: Money) {
        self.rate = rate
        self.minimum = minimum
    }

    public func commission(on amount: Money) -> Money {
        guard amount.fen > 0 else { return .zero }
        return max(minimum, rate.fee(on: amount))
    }
}
