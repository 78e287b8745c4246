import HuiceCore
import MarketData
import Factors

/// Everything that changes during a run. The engine allocates one per run and hands strategies a
/// `StrategyContext` that points at it: a strategy call then costs a pointer, not a copy of the
/// state (a large struct passed by value retains every array it holds).
///
/// Hot reads (bars, indicators, positions) go through raw pointers into memory that lives as long
/// as the run: the panel's `BarColumns` (kept alive by `panel`) and buffers allocated here and
/// freed by `release()`.
@usableFromInline
struct EngineState: ~Copyable {
    let panel: MarketPanel
    let settings: SimulationSettings

    // Read-only views of the panel's columns.
    @usableFromInline let columnStart: UnsafeMutablePointer<Int>
    @usableFromInline let times: UnsafeMutablePointer<BarTime>
    @usableFromInline let open: UnsafeMutablePointer<Price>
    @usableFromInline let high: UnsafeMutablePointer<Price>
    @usableFromInline let low: UnsafeMutablePointer<Price>
    @usableFromInline let close: UnsafeMutablePointer<Price>
    @usableFromInline let volume: UnsafeMutablePointer<Int64>
    @usableFromInline let amount: UnsafeMutablePointer<Money>

    /// Index of the current session and its time.
    @usableFromInline var session = 0
    @usableFromInline var sessionTime: BarTime
    /// Per instrument: the global row of the newest bar at or before the current session
    /// (`columnStart[i] - 1` before its first bar).
    @usableFromInline let rows: UnsafeMutablePointer<Int>
    /// Registered indicators: `indicatorColumns[h]` holds one value per global row.
    @usableFromInline var indicatorColumns: UnsafeMutablePointer<UnsafeMutablePointer<Double>>
    @usableFromInline var indicatorCount = 0
    var indicatorCapacity = 8

    // Per-instrument trading traits, copied out of `Instrument` so fills need not copy strings.
    let boards: [Board]
    let ticks: [Price]
    let listDates: [TradingDay?]
    let hasSpecialTreatment: [Bool]
    let hasLimitList: Bool
    let hasSlippage: Bool
    let hasPriceLimits: Bool

    var account: Account
    var book: OrderBook
    /// Recycled buffers for the broker's per-session order lists.
    var scratchOrders: [PendingOrder] = []
    var scratchBuys: [PendingOrder] = []
    var events = Column<OrderEvent>()
    /// Order tags; index 0 is the empty tag shared by untagged orders.
    var tags: [OrderTag] = [OrderTag()]
    var riskEvents: [RiskEvent] = []
    var risk: RiskState
    /// Equity at the current session's close.
    @usableFromInline var equity: Money
    /// Buys that open a position, accepted since the current close (for max_positions).
    var buysAcceptedThisClose = 0
    /// Cash and market value at each recorded close: the ledger's own columns, handed over as
    /// they are when the run ends.
    var cashAtClose: Column<Money>
    var valueAtClose: Column<Money>

    init(panel: MarketPanel, settings: SimulationSettings) {
        self.panel = panel
        self.settings = settings
        let columns = panel.columns
        columnStart = columns.start
        times = columns.times
        open = columns.open
        high = columns.high
        low = columns.low
        close = columns.close
        volume = columns.volume
        amount = columns.amount
        sessionTime = panel.sessions.first ?? BarTime(day: TradingDay(yyyymmdd: 19700101)!)
        let n = panel.instrumentCount
        rows = .allocate(capacity: max(n, 1))
        for i in 0..<n { rows[i] = panel.initialRow[i] }
        indicatorColumns = .allocate(capacity: indicatorCapacity)
        cashAtClose = Column(capacity: panel.sessionCount)
        valueAtClose = Column(capacity: panel.sessionCount)
        boards = panel.instruments.map(\.board)
        ticks = panel.instruments.map(\.tick)
        listDates = panel.instruments.map(\.listDate)
        hasSpecialTreatment = panel.instruments.map { !$0.specialTreatment.isEmpty }
        hasLimitList = !panel.limits.isEmpty
        hasSlippage = !(settings.models.slippage is NoSlippage)
        hasPriceLimits = !(settings.models.priceLimits is NoPriceLimits)
        account = Account(cash: settings.initialCash, instrumentCount: n)
        book = OrderBook(instrumentCount: n)
        risk = RiskState(initialEquity: settings.initialCash)
        equity = settings.initialCash
    }

    /// Frees the run's buffers (the panel's columns belong to the panel).
    mutating func release() {
        rows.deallocate()
        for h in 0..<indicatorCount { LargeBuffer.deallocate(indicatorColumns[h]) }
        indicatorColumns.deallocate()
        account.release()
    }

    // MARK: Reads shared by the broker and the strategy API

    var isLastSession: Bool { session + 1 >= panel.sessionCount }
    var day: TradingDay { sessionTime.day }

    /// Whether instrument `i` traded in the current session (has a bar stamped with its time).
    @inlinable @inline(__always)
    func hasBar(_ instrument: Int) -> Bool {
        let row = rows[instrument]
        return row >= columnStart[instrument] && times[row] == sessionTime
    }

    /// The close `ago` bars back from now, nil before the first bar.
    @inlinable @inline(__always)
    func close(_ instrument: Int, ago: Int = 0) -> Price? {
        let row = rows[instrument] - ago
        return row >= columnStart[instrument] ? close[row] : nil
    }

    func holds(_ instrument: Int) -> Bool { account.index(of: instrument) != nil }

    /// Computes `indicator` into a new column, one value per global row.
    mutating func register(_ indicator: some SeriesIndicator) -> Int {
        if indicatorCount == indicatorCapacity {
            let bigger = UnsafeMutablePointer<UnsafeMutablePointer<Double>>.allocate(capacity: indicatorCapacity * 2)
            bigger.moveInitialize(from: indicatorColumns, count: indicatorCount)
            indicatorColumns.deallocate()
            indicatorColumns = bigger
            indicatorCapacity *= 2
        }
        let column = LargeBuffer.allocate(Double.self, capacity: panel.columns.rowCount)
        for instrument in 0..<panel.instrumentCount {
            let range = panel.columns.rows(of: instrument)
            let output = UnsafeMutableBufferPointer(start: column + range.lowerBound, count: range.count)
            output.initialize(repeating: .nan)
            indicator.compute(panel.columns.view(of: instrument), for: panel.instruments[instrument].code, into: output)
        }
        indicatorColumns[indicatorCount] = column
        indicatorCount += 1
        return indicatorCount - 1
    }
}
