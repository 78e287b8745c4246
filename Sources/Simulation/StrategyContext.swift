import HuiceCore
import MarketData
import Factors

/// What a strategy sees and does after a close: the bars and indicators up to that close (never
/// beyond), the account, and order submission for the next session.
///
/// The context is also the run's mutable state; the engine passes it `inout` to the strategy so
/// nothing is copied or reference-counted per bar. Only the public API below is the strategy's.
public struct StrategyContext {
    public let panel: MarketPanel
    let settings: SimulationSettings

    /// Index of the current session in `panel.sessions`.
    public internal(set) var session: Int = 0
    /// Per instrument: the newest row at or before the current session (-1 before its first bar).
    @usableFromInline var rows: [Int32]
    var account: Account
    var book: OrderBook
    var log: SimulationLog
    var risk: RiskState
    @usableFromInline var indicatorValues: [[[Double]]] = []
    var indicatorNames: [String] = []
    /// Equity at the current session's close.
    public internal(set) var equity: Money
    /// Buys accepted since the current close (for max_positions).
    var buysAcceptedThisClose = 0

    init(panel: MarketPanel, settings: SimulationSettings) {
        self.panel = panel
        self.settings = settings
        rows = panel.initialRow
        account = Account(cash: settings.initialCash, instrumentCount: panel.instrumentCount)
        book = OrderBook(instrumentCount: panel.instrumentCount)
        log = SimulationLog(expectedSessions: panel.sessionCount)
        risk = RiskState(initialEquity: settings.initialCash)
        equity = settings.initialCash
    }

    // MARK: Time

    public var time: BarTime { panel.sessions[session] }
    public var day: TradingDay { panel.sessions[session].day }
    public var sessionCount: Int { panel.sessionCount }
    /// Whether this is the last session: orders submitted now can never execute.
    public var isLastSession: Bool { session + 1 >= panel.sessionCount }

    // MARK: Universe

    public var instrumentCount: Int { panel.instrumentCount }
    public func instrument(_ index: Int) -> Instrument { panel.instruments[index] }
    public func instrumentIndex(of code: StockCode) -> Int? { panel.instrumentIndex(of: code) }

    // MARK: Bars (the past only)

    /// Rows of `instrument` known at this close (its bars up to and including today).
    @inlinable public func barCount(_ instrument: Int) -> Int { Int(rows[instrument]) + 1 }

    /// Whether `instrument` traded in this session (it has a bar stamped with the session's time).
    @inlinable public func hasBar(_ instrument: Int) -> Bool {
        let row = Int(rows[instrument])
        return row >= 0 && panel.series[instrument].times[row] == panel.sessions[session]
    }

    /// The close `ago` bars back (0 = the latest bar at or before now), nil before the first bar.
    @inlinable public func close(_ instrument: Int, ago: Int = 0) -> Price? {
        precondition(ago >= 0, "strategies see only the past")
        let row = Int(rows[instrument]) - ago
        return row >= 0 ? panel.series[instrument].close[row] : nil
    }

    @inlinable public func open(_ instrument: Int, ago: Int = 0) -> Price? {
        precondition(ago >= 0, "strategies see only the past")
        let row = Int(rows[instrument]) - ago
        return row >= 0 ? panel.series[instrument].open[row] : nil
    }

    @inlinable public func volume(_ instrument: Int, ago: Int = 0) -> Int64? {
        precondition(ago >= 0, "strategies see only the past")
        let row = Int(rows[instrument]) - ago
        return row >= 0 ? panel.series[instrument].volume[row] : nil
    }

    /// The bars of `instrument` up to this close, as a value (a copy: not for per-bar hot loops).
    public func history(_ instrument: Int) -> BarSeries {
        panel.series[instrument].keeping(0..<barCount(instrument))
    }

    // MARK: Indicators

    /// Computes `indicator` for every instrument (vectorized, once) and returns its handle.
    /// Values are read through `indicator(_:of:ago:)`, which stops at the current bar.
    public mutating func register(_ indicator: some SeriesIndicator) -> IndicatorHandle {
        indicatorNames.append(indicator.name)
        indicatorValues.append(panel.series.map { indicator.values(for: $0) })
        return IndicatorHandle(index: indicatorValues.count - 1)
    }

    /// The indicator's value `ago` bars back from now; `.nan` before it is defined.
    @inlinable public func indicator(_ handle: IndicatorHandle, of instrument: Int, ago: Int = 0) -> Double {
        precondition(ago >= 0, "strategies see only the past")
        let row = Int(rows[instrument]) - ago
        return row >= 0 ? indicatorValues[handle.index][instrument][row] : .nan
    }

    // MARK: Account

    public var cash: Money { account.cash }
    public var initialCash: Money { settings.initialCash }
    public var positionCount: Int { account.positions.count }
    public var isFlat: Bool { account.isFlat }

    /// Whether `instrument` is held.
    public func holds(_ instrument: Int) -> Bool { account.index(of: instrument) != nil }

    public func position(_ instrument: Int) -> PositionView? {
        account.position(instrument).map(view(of:))
    }

    /// Held positions in opening order.
    public var positions: [PositionView] { account.positions.map(view(of:)) }

    public func hasPendingOrder(_ instrument: Int) -> Bool {
        book.hasPendingBuy(instrument) || book.hasPendingSell(instrument)
    }

    public func hasPendingSell(_ instrument: Int) -> Bool { book.hasPendingSell(instrument) }

    private func view(of p: OpenPosition) -> PositionView {
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

/// A registered indicator.
public struct IndicatorHandle: Sendable, Hashable {
    public let index: Int
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
