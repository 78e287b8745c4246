import Foundation
import HuiceCore
import MarketData
import Simulation
import Strategies
import Analysis
import Factors

/// The composition root of one backtest: config + market data → universe, timeline, strategy,
/// engine run, analysis → `BacktestResult`. A pure function of its inputs.
public enum BacktestRunner {
    /// Runs `config` on `data`. `baseDirectory` resolves relative paths in the config (the signal
    /// file); it is normally the config file's directory.
    /// `factors` holds stored factor values (fundamentals, market, sentiment, stored technical
    /// values) for the factor strategy; other strategies ignore it.
    /// With a `monitor`, the run reports its progress between sessions and may be stopped; a
    /// stopped run throws `RunCancelled` (a partial result is never returned). A monitor that never
    /// stops the run does not change the result.
    public static func run(_ config: EffectiveConfig, data: MarketDataSet, factors: FactorDataSet? = nil,
                           baseDirectory: String, monitor: RunMonitor? = nil) throws -> BacktestResult {
        var prepared = try prepare(config, data: data, baseDirectory: baseDirectory)
        let simulation = try simulate(&prepared, config: config, factors: factors, cache: nil, monitor: monitor)
        guard simulation.sessionsRun == prepared.panel.sessionCount else {
            throw RunCancelled(sessionsDone: simulation.sessionsRun, sessionCount: prepared.panel.sessionCount)
        }
        let trades = simulation.log.trades
        let report = analyze(prepared, simulation: simulation, trades: trades)
        return BacktestResult(config: config, simulation: simulation, trades: trades, report: report,
                              data: DataSummary(panel: prepared.panel, calendarDays: prepared.calendar.count), notes: prepared.notes)
    }

    /// Runs `config`'s strategy on a prepared run. With a `cache`, the factor strategy takes its
    /// factor columns from it (parameter search: computed once, weighted per trial).
    static func simulate(_ prepared: inout PreparedRun, config: EffectiveConfig, factors: FactorDataSet?,
                         cache: FactorColumnCache?, monitor: RunMonitor? = nil) throws -> SimulationResult {
        let engine = BacktestEngine(panel: prepared.panel, settings: config.simulationSettings())
        switch config.strategy {
        case .signals:
            var strategy = SignalStrategy(signals: prepared.signals, selection: SignalStrategy.Selection(
                minRecommendation: config.minRecommendation, minFinalScore: config.minFinalScore, topN: config.topN,
                orderType: config.orderType, defaultPositionSize: config.maxPositionPct ?? 1))
            return engine.run(&strategy, monitor: monitor)
        case .movingAverageCrossover(let fast, let slow, let equalWeight):
            var strategy = MovingAverageCrossover(fast: fast, slow: slow, sizing: equalWeight ? .equalWeight : .allCash)
            return engine.run(&strategy, monitor: monitor)
        case .buyAndHold:
            var strategy = BuyAndHold()
            return engine.run(&strategy, monitor: monitor)
        case .momentumRotation(let lookback, let every, let holdings):
            var strategy = MomentumRotation(lookback: lookback, every: every, holdings: holdings)
            return engine.run(&strategy, monitor: monitor)
        case .factorScore(let spec):
            let run = try FactorRun(spec: spec, mode: config.backtestMode, factors: factors, universe: prepared.universe)
            if let cache {
                var strategy = run.strategy(score: cache.scores(for: run.indicator, panel: prepared.panel))
                return engine.run(&strategy, monitor: monitor)
            }
            prepared.notes += run.notes(universe: prepared.universe)
            var strategy = run.strategy(score: run.indicator)
            return engine.run(&strategy, monitor: monitor)
        }
    }

    /// Everything a run needs before its strategy: calendar, benchmark, signals, universe,
    /// sessions and the panel. Parameter search prepares once and runs many strategies on it.
    struct PreparedRun {
        var panel: MarketPanel
        var calendar: TradingCalendar
        var benchmark: StockCode?
        var sessions: [BarTime]
        var universe: [StockCode]
        var signals: [BacktestSignal]
        /// The benchmark's closes at the sessions (the same for every strategy run on this preparation).
        var benchmarkSeries: BenchmarkSeries?
        var notes: [String]
        var initialCash: Money
        var riskFreeRate: Double
    }

    static func prepare(_ config: EffectiveConfig, data: MarketDataSet, baseDirectory: String) throws -> PreparedRun {
        var notes: [String] = []
        let range = config.startDate...config.endDate

        // Benchmark: an explicit one must exist; the default one is used only when present.
        var benchmark = config.benchmark
        if let code = benchmark, data.series[code] == nil {
            guard code == EffectiveConfig.defaultBenchmark, config.market == .ashare else {
                throw ConfigError(field: "benchmark", reason: "the data has no bars for \(code)")
            }
            notes.append("the default benchmark \(code) is not in the data: no benchmark metrics")
            benchmark = nil
        }

        // The calendar: the data's, else the benchmark's days, else every stock's days.
        let calendar: TradingCalendar
        if let given = data.calendar {
            calendar = given
        } else if let code = benchmark, let series = data.series[code] {
            calendar = TradingCalendar(days: series.times.map(\.day))
            notes.append("no calendar file: the trading days are the benchmark \(code)'s bar days")
        } else {
            calendar = TradingCalendar(days: data.series.values.flatMap { $0.times.map(\.day) })
            notes.append("no calendar file and no benchmark: the trading days are the days any stock has a bar")
        }

        // Signals first: without an explicit universe they define it.
        var signals: [BacktestSignal] = []
        if case .signals(let path) = config.strategy {
            let resolved = path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
            signals = try SignalFileReader.read(
                path: resolved, displayName: path,
                checks: SignalFileReader.Checks(range: range, calendar: calendar, codes: Set(data.series.keys)))
        }

        let universe = try universeCodes(config, data: data, benchmark: benchmark, signals: signals)
        let sessions = timeline(calendar: calendar, range: range, data: data, universe: universe)
        guard !sessions.isEmpty else {
            throw ConfigError(field: "start_date", reason: "no trading days between \(config.startDate) and \(config.endDate) in the data")
        }
        let panel = MarketPanel(data: data, codes: universe, sessions: sessions, calendar: calendar)
        return PreparedRun(panel: panel, calendar: calendar, benchmark: benchmark, sessions: sessions, universe: universe,
                           signals: signals, benchmarkSeries: benchmark.flatMap { benchmarkSeries($0, data: data, sessions: sessions) },
                           notes: notes, initialCash: config.initialCash, riskFreeRate: config.riskFreeRate)
    }

    /// Metrics and round trips of a finished simulation.
    static func analyze(_ prepared: PreparedRun, simulation: SimulationResult, trades: [BacktestTrade]) -> PerformanceReport {
        PerformanceAnalyzer.analyze(PerformanceInput(
            ledger: simulation.log.ledger, initialCash: prepared.initialCash, trades: trades,
            benchmark: prepared.benchmarkSeries, riskFreeRate: prepared.riskFreeRate))
    }

    /// The explicit universe (each code must have bars), else the signal file's stocks, else every
    /// stock in the data that is not an index (and not the benchmark). Sorted by code.
    static func universeCodes(_ config: EffectiveConfig, data: MarketDataSet, benchmark: StockCode?,
                              signals: [BacktestSignal]) throws -> [StockCode] {
        if let explicit = config.universe {
            for (i, code) in explicit.enumerated() where data.series[code] == nil {
                throw ConfigError(field: "universe[\(i)]", reason: "the data has no bars for \(code)")
            }
            return Array(Set(explicit)).sorted()
        }
        let range = config.startDate...config.endDate
        if case .signals = config.strategy {
            let codes = Set(signals.filter { range.contains($0.signalDate) }.map(\.stockCode))
            guard !codes.isEmpty else {
                throw ConfigError(field: "strategy.path", reason: "the signal file has no signals between \(config.startDate) and \(config.endDate)")
            }
            return codes.sorted()
        }
        let codes = data.codes.filter { $0 != benchmark && data.instrument($0).board != .index }
        guard !codes.isEmpty else { throw ConfigError(field: "universe", reason: "the data holds no tradable stock") }
        return codes
    }

    /// The run's sessions: the calendar's days in range for daily data; for intraday data, every
    /// distinct bar time of the universe on those days.
    static func timeline(calendar: TradingCalendar, range: ClosedRange<TradingDay>, data: MarketDataSet,
                         universe: [StockCode]) -> [BarTime] {
        let days = calendar.days(in: range)
        let intraday = universe.contains { data.series[$0]?.times.contains(where: \.hasTimeOfDay) ?? false }
        guard intraday else { return days.map { BarTime(day: $0) } }
        let tradingDays = Set(days)
        var times = Set<BarTime>()
        for code in universe {
            for t in data.series[code]?.times ?? [] where tradingDays.contains(t.day) { times.insert(t) }
        }
        return times.sorted()
    }

    /// The benchmark's close at each session (the last close at or before it) and its close before
    /// the first session (its first close when the data starts inside the run).
    static func benchmarkSeries(_ code: StockCode, data: MarketDataSet, sessions: [BarTime]) -> BenchmarkSeries? {
        guard let series = data.series[code], !series.isEmpty, let first = sessions.first else { return nil }
        var row = series.firstIndex(atOrAfter: first) - 1
        let previous = row >= 0 ? series.close[row] : series.close[0]
        var closes: [Double] = []
        closes.reserveCapacity(sessions.count)
        var last = previous
        for t in sessions {
            while row + 1 < series.count && series.times[row + 1] <= t {
                row += 1
                last = series.close[row]
            }
            closes.append(last.doubleValue)
        }
        return BenchmarkSeries(code: code.description, previousClose: previous.doubleValue, closes: closes)
    }
}
