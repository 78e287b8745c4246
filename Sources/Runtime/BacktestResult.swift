import Foundation
import HuiceCore
import MarketData
import Simulation
import Analysis

/// Seed 002 §1.7 `BacktestResult` with its field names, plus what the seeds ask elsewhere:
/// round trips, risk events (seed 001) and a description of the data the run saw.
public struct BacktestResult: Sendable, Encodable {
    /// Assigned by a store when the result is saved; null in a result file.
    public var id: Int?
    public var backtestID: String
    public var backtestName: String
    public var engineType: String
    public var integrationMode: String
    public var startDate: TradingDay
    public var endDate: TradingDay
    public var initialCash: Money
    /// Equity at the last close (equity_curve's last point).
    public var finalValue: Money
    public var config: EffectiveConfig
    public var metrics: BacktestMetrics
    public var trades: [BacktestTrade]
    public var equityCurve: [EquityPoint]
    public var positionSummary: PositionSummary
    public var roundTrips: [RoundTrip]
    public var riskEvents: [RiskEvent]
    public var benchmarkCode: String?
    public var data: DataSummary
    /// What the run had to decide on its own (calendar source, a missing default benchmark, …).
    public var notes: [String]

    init(config: EffectiveConfig, simulation: SimulationResult, trades: [BacktestTrade], report: PerformanceReport,
         data: DataSummary, notes: [String]) {
        backtestID = config.backtestID
        backtestName = config.backtestName
        engineType = config.engineType
        integrationMode = config.integrationMode
        startDate = config.startDate
        endDate = config.endDate
        initialCash = config.initialCash
        finalValue = simulation.log.ledger.finalEquity ?? config.initialCash
        self.config = config
        metrics = report.metrics
        self.trades = trades
        equityCurve = report.equityCurve
        let marketValue = simulation.positions.reduce(Money.zero) { $0 + $1.marketValue }
        positionSummary = PositionSummary(cash: simulation.cash, marketValue: marketValue,
                                          equity: simulation.cash + marketValue, positions: simulation.positions)
        roundTrips = report.roundTrips
        riskEvents = simulation.log.riskEvents
        benchmarkCode = report.benchmarkCode
        self.data = data
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case id, backtestID = "backtest_id", backtestName = "backtest_name", engineType = "engine_type"
        case integrationMode = "integration_mode", startDate = "start_date", endDate = "end_date"
        case initialCash = "initial_cash", finalValue = "final_value", config, metrics, trades
        case equityCurve = "equity_curve", positionSummary = "position_summary", roundTrips = "round_trips"
        case riskEvents = "risk_events", benchmarkCode = "benchmark_code", data, notes
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(backtestID, forKey: .backtestID)
        try c.encode(backtestName, forKey: .backtestName)
        try c.encode(engineType, forKey: .engineType)
        try c.encode(integrationMode, forKey: .integrationMode)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(endDate, forKey: .endDate)
        try c.encode(initialCash, forKey: .initialCash)
        try c.encode(finalValue, forKey: .finalValue)
        try c.encode(config, forKey: .config)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(trades, forKey: .trades)
        try c.encode(equityCurve, forKey: .equityCurve)
        try c.encode(positionSummary, forKey: .positionSummary)
        try c.encode(roundTrips, forKey: .roundTrips)
        try c.encode(riskEvents, forKey: .riskEvents)
        try c.encode(benchmarkCode, forKey: .benchmarkCode)
        try c.encode(data, forKey: .data)
        try c.encode(notes, forKey: .notes)
    }
}

extension BacktestResult {
    /// The result document as `huice --output` writes it: pretty-printed JSON, keys sorted, slashes
    /// unescaped, a final newline. Byte-identical for identical runs: Foundation's JSONEncoder
    /// keeps no key order (on Linux it writes an object's keys in hash order, which changes from
    /// one encoding to the next), so the keys are sorted.
    public func jsonDocument() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}

/// The account at the last close (seed 002 `position_summary`).
public struct PositionSummary: Sendable, Equatable, Encodable {
    public var cash: Money
    public var marketValue: Money
    public var equity: Money
    public var positions: [PositionSnapshot]

    enum CodingKeys: String, CodingKey {
        case cash, marketValue = "market_value", equity, positions
    }
}

/// What data a run saw.
public struct DataSummary: Sendable, Equatable, Encodable {
    public var instruments: Int
    public var sessions: Int
    public var firstSession: BarTime?
    public var lastSession: BarTime?
    public var bars: Int
    public var calendarDays: Int

    init(panel: MarketPanel, calendarDays: Int) {
        instruments = panel.instrumentCount
        sessions = panel.sessionCount
        firstSession = panel.sessions.first
        lastSession = panel.sessions.last
        bars = panel.barRow.count
        self.calendarDays = calendarDays
    }

    enum CodingKeys: String, CodingKey {
        case instruments, sessions, firstSession = "first_session", lastSession = "last_session", bars
        case calendarDays = "calendar_days"
    }
}
