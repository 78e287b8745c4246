/// The account's value at each session's close, as the engine recorded it: the raw material of the
/// equity curve (returns and drawdowns are derived from it by Analysis).
///
/// Invariant, checked by the property tests: `equity[i] == cash[i] + positionsValue[i]` to the fen.
public struct EquityLedger: Sendable, Equatable {
    public private(set) var times: [BarTime] = []
    public private(set) var cash = Column<Money>()
    public private(set) var positionsValue = Column<Money>()

    public init(capacity: Int = 0) {
        times.reserveCapacity(capacity)
        cash.reserveCapacity(capacity)
        positionsValue.reserveCapacity(capacity)
    }

    /// A ledger from its columns, which must have equal lengths.
    public init(times: [BarTime], cash: Column<Money>, positionsValue: Column<Money>) {
        precondition(times.count == cash.count && cash.count == positionsValue.count, "ledger columns differ in length")
        self.times = times
        self.cash = cash
        self.positionsValue = positionsValue
    }

    @inlinable public var count: Int { times.count }

    public mutating func record(_ time: BarTime, cash: Money, positionsValue: Money) {
        times.append(time)
        self.cash.append(cash)
        self.positionsValue.append(positionsValue)
    }

    @inlinable public func equity(at index: Int) -> Money { cash[index] + positionsValue[index] }

    /// Equity at every recorded close.
    public var equity: [Money] { (0..<count).map(equity(at:)) }

    public var finalEquity: Money? { count > 0 ? equity(at: count - 1) : nil }
}
