import HuiceCore
import MarketData
import Factors

/// What a strategy sees and does after a close: the bars and indicators up to that close (never
/// beyond), the account, and order submission for the next session.
///
/// A handle on the running engine's state, valid only during the strategy call it is passed to;
/// being non-copyable, it cannot be kept beyond it. Reads are raw loads, so strategies may call
/// them per bar.
public struct StrategyContext: ~Copyable {
    @usableFromInline let state: UnsafeMutablePointer<EngineState>

    init(_ state: UnsafeMutablePointer<EngineState>) { self.state = state }

    // MARK: Time

    /// Index of the current session in `panel.sessions`.
    @inlinable public var session: Int { state.pointee.session }
    @inlinable public var time: BarTime { state.pointee.sessionTime }
    public var day: TradingDay { state.pointee.sessionTime.day }
    public var sessionCount: Int { state.pointee.panel.sessionCount }
    /// Whether this is the last session: orders submitted now can never execute.
    public var isLastSession: Bool { state.pointee.isLastSession }
    public var panel: MarketPanel { state.pointee.panel }

    // MARK: Universe

    public var instrumentCount: Int { state.pointee.panel.instrumentCount }
    public func instrument(_ index: Int) -> Instrument { state.pointee.panel.instruments[index] }
    public func instrumentIndex(of code: StockCode) -> Int? { state.pointee.panel.instrumentIndex(of: code) }

    // MARK: Bars (the past only)

    /// Bars of `instrument` known at this close (up to and including today's).
    @inlinable public func barCount(_ instrument: Int) -> Int {
        state.pointee.rows[instrument] - state.pointee.columnStart[instrument] + 1
    }

    /// Whether `instrument` traded in this session (it has a bar stamped with the session's time).
    @inlinable public func hasBar(_ instrument: Int) -> Bool { state.pointee.hasBar(instrument) }

    /// The close `ago` bars back (0 = the latest bar at or before now), nil before the first bar.
    @inlinable public func close(_ instrument: Int, ago: Int = 0) -> Price? {
        precondition(ago >= 0, "strategies see only the past")
        return state.pointee.close(instrument, ago: ago)
    }

    @inlinable public func open(_ instrument: Int, ago: Int = 0) -> Price? {
        value(state.pointee.open, instrument, ago)
    }

    @inlinable public func high(_ instrument: Int, ago: Int = 0) -> Price? {
        value(state.pointee.high, instrument, ago)
    }

    @inlinable public func low(_ instrument: Int, ago: Int = 0) -> Price? {
        value(state.pointee.low, instrument, ago)
    }

    @inlinable public func volume(_ instrument: Int, ago: Int = 0) -> Int64? {
        value(state.pointee.volume, instrument, ago)
    }

    @inlinable func value<T>(_ column: UnsafeMutablePointer<T>, _ instrument: Int, _ ago: Int) -> T? {
        precondition(ago >= 0, "strategies see only the past")
        let row = state.pointee.rows[instrument] - ago
        return row >= state.pointee.columnStart[instrument] ? column[row] : nil
    }

    /// The bars of `instrument` up to this close, as a value (a copy: not for per-bar loops).
    public func history(_ instrument: Int) -> BarSeries {
        state.pointee.panel.series(instrument, upToRow: state.pointee.rows[instrument] + 1)
    }

    // MARK: Indicators

    /// Computes `indicator` for every instrument (vectorized, once) and returns its handle.
    /// Values are read through `indicator(_:of:ago:)`, which stops at the current bar.
    public mutating func register(_ indicator: some SeriesIndicator) -> IndicatorHandle {
        let index = state.pointee.register(indicator)
        return IndicatorHandle(index: index, name: indicator.name)
    }

    /// The indicator's value `ago` bars back from now; `.nan` before it is defined.
    @inlinable public func indicator(_ handle: IndicatorHandle, of instrument: Int, ago: Int = 0) -> Double {
        precondition(ago >= 0, "strategies see only the past")
        let row = state.pointee.rows[instrument] - ago
        return row >= state.pointee.columnStart[instrument] ? state.pointee.indicatorColumns[handle.index][row] : .nan
    }

    // MARK: Account

    public var cash: Money { state.pointee.account.cash }
    /// Equity at this close: cash plus positions at their closes.
    public var equity: Money { state.pointee.equity }
    public var initialCash: Money { state.pointee.settings.initialCash }
    public var positionCount: Int { state.pointee.account.positions.count }
    public var isFlat: Bool { state.pointee.account.positions.isEmpty }

    /// Whether `instrument` is held.
    public func holds(_ instrument: Int) -> Bool { state.pointee.holds(instrument) }

    public func position(_ instrument: Int) -> PositionView? {
        state.pointee.account.position(instrument).map { state.pointee.view(of: $0) }
    }

    /// Held positions in opening order.
    public var positions: [PositionView] { state.pointee.account.positions.map { state.pointee.view(of: $0) } }

    public func hasPendingOrder(_ instrument: Int) -> Bool {
        state.pointee.book.hasPendingBuy(instrument) || state.pointee.book.hasPendingSell(instrument)
    }

    public func hasPendingSell(_ instrument: Int) -> Bool { state.pointee.book.hasPendingSell(instrument) }

    // MARK: Orders

    /// Submits an order for the next session; see `EngineState.submit(_:)` for the checks made now.
    @discardableResult
    public mutating func submit(_ request: OrderRequest) -> OrderSubmission { state.pointee.submit(request) }

    /// Sells the whole position at the next open (ignored when not held or already selling).
    @discardableResult
    public mutating func closePosition(_ instrument: Int, reason: ExitReason = .strategy, tag: OrderTag = OrderTag()) -> OrderSubmission {
        state.pointee.closePosition(instrument, reason: reason, tag: tag)
    }
}

/// A registered indicator.
public struct IndicatorHandle: Sendable, Hashable {
    public let index: Int
    public let name: String
}

/// A held position as a strategy sees it.
public struct PositionView: Sendable, Equatable {
    public var instrument: Int
    public var code: StockCode
    public var shares: Int
    /// Shares that may be sold in the next session (T+1 applied).
    public var sellableShares: Int
    /// Average fill price without fees.
    public var costPrice: Double
    /// Buy amounts plus buy fees of the held shares.
    public var costBasis: Money
    public var entryDay: TradingDay
    public var tradingDaysHeld: Int
    public var marketPrice: Price
    public var marketValue: Money
}

extension EngineState {
    func view(of p: OpenPosition) -> PositionView {
        let price = close(p.instrument) ?? .zero
        return PositionView(
            instrument: p.instrument, code: panel.instruments[p.instrument].code, shares: p.shares,
            sellableShares: p.sellableShares(inSession: session + 1),
            costPrice: p.costPriceUnits / Double(Price.unitsPerYuan), costBasis: p.costBasis,
            entryDay: panel.sessions[p.entrySession].day,
            tradingDaysHeld: panel.tradingDays(fromSession: p.entrySession, toSession: session),
            marketPrice: price, marketValue: Money.value(of: p.shares, at: price))
    }
}
