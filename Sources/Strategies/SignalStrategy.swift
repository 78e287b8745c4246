import HuiceCore
import Simulation

/// Seed 002's signal-driven strategy. At the close of each signal_date:
/// 1. SELL / AVOID signals close held positions, whatever their score.
/// 2. Buy candidates are the signals with recommendation ≥ min_recommendation and final_score ≥
///    min_final_score; the top_n by score (then code) are taken, and only then are held stocks
///    skipped (without a record).
/// 3. Each remaining candidate is bought at position_size (default max_position_pct) of the
///    closing equity, capped by max_position_pct; the engine applies max_positions, lots, cash and
///    A-share rules, and executes buys by descending score.
/// Per-signal stop/target prices replace the config's percentages for that position; with
/// `order_type: limit` a buy's limit is the signal's entry price (else the close).
public struct SignalStrategy: Strategy {
    public struct Selection: Sendable, Equatable {
        public var minRecommendation: Recommendation
        public var minFinalScore: Double
        public var topN: Int?
        public var orderType: OrderType
        /// position_size when a signal has none.
        public var defaultPositionSize: Double

        public init(minRecommendation: Recommendation = .buy, minFinalScore: Double = 55, topN: Int? = 20,
                    orderType: OrderType = .auction, defaultPositionSize: Double = 0.2) {
            self.minRecommendation = minRecommendation
            self.minFinalScore = minFinalScore
            self.topN = topN
            self.orderType = orderType
            self.defaultPositionSize = defaultPositionSize
        }
    }

    public let selection: Selection
    private let signals: [BacktestSignal]
    /// Signals by session index, resolved at start.
    private var bySession: [Int: [(instrument: Int, signal: BacktestSignal)]] = [:]

    /// `signals` must name stocks of the run's universe on trading days (the runtime validates).
    public init(signals: [BacktestSignal], selection: Selection = Selection()) {
        self.signals = signals
        self.selection = selection
    }

    public mutating func start(_ context: inout StrategyContext) {
        var sessionOfDay: [TradingDay: Int] = [:]
        for (index, time) in context.panel.sessions.enumerated() { sessionOfDay[time.day] = index }
        for signal in signals {
            guard let session = sessionOfDay[signal.signalDate],
                  let instrument = context.instrumentIndex(of: signal.stockCode) else { continue }
            bySession[session, default: []].append((instrument, signal))
        }
    }

    public mutating func onClose(_ context: inout StrategyContext) {
        guard let today = bySession[context.session] else { return }
        for (instrument, signal) in today where signal.recommendation <= .sell && context.holds(instrument) {
            context.closePosition(instrument, reason: .signal, tag: tag(for: signal))
        }
        var candidates = today.filter {
            $0.signal.recommendation >= selection.minRecommendation && $0.signal.finalScore >= selection.minFinalScore
        }
        candidates.sort {
            $0.signal.finalScore != $1.signal.finalScore
                ? $0.signal.finalScore > $1.signal.finalScore : $0.signal.stockCode < $1.signal.stockCode
        }
        if let topN = selection.topN { candidates = Array(candidates.prefix(topN)) }
        for (instrument, signal) in candidates where !context.holds(instrument) && !context.hasPendingOrder(instrument) {
            let size = signal.positionSize ?? selection.defaultPositionSize
            var request = OrderRequest.buy(instrument, .percentOfEquity(size), tag: tag(for: signal))
            if selection.orderType == .limit {
                request.type = .limit
                request.limitPrice = signal.entry ?? context.close(instrument)
            }
            context.submit(request)
        }
    }

    private func tag(for signal: BacktestSignal) -> OrderTag {
        OrderTag(signalID: signal.signalID, score: signal.finalScore, recommendation: signal.recommendation,
                 source: signal.source, integrationMode: signal.integrationMode,
                 backtestState: signal.backtestState ?? .normal, stopPrice: signal.stop, targetPrice: signal.target)
    }
}
