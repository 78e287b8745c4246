import HuiceCore
import MarketData

/// Runs a strategy over a market panel, session by session. Single-threaded and deterministic:
/// the same panel, settings and strategy give the same log, byte for byte. Parallelism belongs
/// to the caller (one engine per job).
///
/// Each session: bars advance; the orders decided at the previous close execute (sells, then buys)
/// and the strategy hears about each attempt; the account is marked to the close and recorded; exit
/// rules and the risk monitor look at that close; the strategy decides after the close.
public struct BacktestEngine: Sendable {
    public let panel: MarketPanel
    public let settings: SimulationSettings

    public init(panel: MarketPanel, settings: SimulationSettings) {
        self.panel = panel
        self.settings = settings
    }

    /// Runs `strategy` over every session. With a `monitor`, the run reports its progress and stops
    /// early when the monitor says so (`SimulationResult.sessionsRun` then falls short of the
    /// panel's session count, and the ledger holds only the sessions run).
    public func run<S: Strategy>(_ strategy: inout S, monitor: RunMonitor? = nil) -> SimulationResult {
        let state = UnsafeMutablePointer<EngineState>.allocate(capacity: 1)
        state.initialize(to: EngineState(panel: panel, settings: settings))
        defer {
            state.pointee.release()
            state.deinitialize(count: 1)
            state.deallocate()
        }
        var context = StrategyContext(state)
        strategy.start(&context)
        let riskActive = settings.risk.isActive
        let exitRulesConfigured = settings.positions.stopLossPct != nil || settings.positions.takeProfitPct != nil
            || settings.positions.maxHoldingDays != nil
        let rows = state.pointee.rows
        let sessionCount = panel.sessionCount
        let sessionsRun = runSessions(state, &context, &strategy, rows: rows, riskActive: riskActive,
                                      exitRulesConfigured: exitRulesConfigured, monitor: monitor)
        strategy.finish(&context)
        let recorded = state.pointee.cashAtClose.count
        let ledger = EquityLedger(times: recorded == sessionCount ? panel.sessions : Array(panel.sessions.prefix(recorded)),
                                  cash: state.pointee.cashAtClose, positionsValue: state.pointee.valueAtClose)
        let log = SimulationLog(events: state.pointee.events, tags: state.pointee.tags, ledger: ledger,
                                riskEvents: state.pointee.riskEvents, instruments: panel.instruments,
                                sessions: panel.sessions)
        return SimulationResult(log: log, positions: state.pointee.positionSnapshots(), cash: state.pointee.account.cash,
                                sessionsRun: sessionsRun)
    }
}

extension BacktestEngine {
    /// The session loop; returns the number of sessions run (all of them unless the monitor stopped it).
    /// Without a monitor the only extra cost is one integer comparison per session (`nextCheck`
    /// is then past the last session).
    private func runSessions<S: Strategy>(
        _ state: UnsafeMutablePointer<EngineState>, _ context: inout StrategyContext, _ strategy: inout S,
        rows: UnsafeMutablePointer<Int>, riskActive: Bool, exitRulesConfigured: Bool, monitor: RunMonitor?
    ) -> Int {
        let sessionCount = panel.sessionCount
        // The monitor is also called after the last session, so progress always ends at 100 %.
        var nextCheck = monitor.map { Swift.min($0.every, sessionCount) } ?? Int.max
        return panel.sessions.withUnsafeBufferPointer { sessions in
        panel.sessionBarStart.withUnsafeBufferPointer { sessionStart in
        panel.barInstrument.withUnsafeBufferPointer { barInstrument in
        panel.barRow.withUnsafeBufferPointer { barRow in
            for s in 0..<sessions.count {
                state.pointee.session = s
                state.pointee.sessionTime = sessions[s]
                for k in Int(sessionStart[s])..<Int(sessionStart[s + 1]) {
                    rows[Int(barInstrument[k])] = barRow[k]
                }
                if !state.pointee.book.isEmpty {
                    // The strategy hears about the attempts the broker made (refusals at submission
                    // are answered by `submit` itself).
                    let eventsBefore = state.pointee.events.count
                    state.pointee.executePendingOrders()
                    let eventsAfter = state.pointee.events.count
                    for i in eventsBefore..<eventsAfter {
                        let event = state.pointee.events[i]
                        strategy.onOrderEvent(event, &context)
                    }
                }
                state.pointee.markToClose()
                if !state.pointee.account.positions.isEmpty
                    && (exitRulesConfigured || state.pointee.account.hasSignalExits) {
                    state.pointee.checkExits()
                }
                if riskActive { state.pointee.checkRisk() }
                state.pointee.buysAcceptedThisClose = 0
                strategy.onClose(&context)
                if s + 1 == nextCheck {
                    let done = s + 1
                    nextCheck = Swift.min(done + monitor!.every, sessionCount)
                    if !monitor!.check(done, sessionCount) && done < sessionCount { return done }
                }
            }
            return sessions.count
        }}}}
    }
}

extension EngineState {
    /// Values the positions at the session's close (the last close for a stock without a bar) and
    /// records cash and market value: equity = cash + market value, to the fen, by construction.
    @inline(__always)
    mutating func markToClose() {
        var value = Money(fen: 0)
        for p in account.positions {
            value += Money.value(of: p.shares, at: close[rows[p.instrument]])
        }
        equity = account.cash + value
        // Both columns were created with a capacity of one entry per session and are not shared.
        cashAtClose.appendAssumingUniqueCapacity(account.cash)
        valueAtClose.appendAssumingUniqueCapacity(value)
    }

    /// Seed 002 `Position` records of the held positions at the current close.
    func positionSnapshots() -> [PositionSnapshot] {
        account.positions.map { p in
            let info = panel.instruments[p.instrument]
            let price = close(p.instrument) ?? .zero
            let value = Money.value(of: p.shares, at: price)
            let pnl = value - p.costBasis
            let locked = p.lockedShares > 0 && session + 1 < p.unlockSession
            let unlockDay = p.unlockSession < panel.sessionCount ? panel.sessions[p.unlockSession].day : nil
            return PositionSnapshot(
                stockCode: info.code, stockName: info.name, industryCode: info.industry, shares: p.shares,
                costPrice: p.costPriceUnits / Double(Price.unitsPerYuan), costAmount: p.costAmount,
                marketPrice: price, marketValue: value, unrealizedPnl: pnl,
                unrealizedPnlPct: p.costBasis.fen > 0 ? Double(pnl.fen) / Double(p.costBasis.fen) : 0,
                buyDate: panel.sessions[p.entrySession].day,
                canSellDate: locked ? unlockDay : nil,
                isFrozen: locked,
                stopPrice: p.stopPrice, targetPrice: p.targetPrice, signalID: tags[p.tagIndex].signalID,
                direction: "long")
        }
    }
}

/// What a run leaves: the event log, the positions still held and the cash at the last close.
public struct SimulationResult: Sendable, Equatable {
    public var log: SimulationLog
    public var positions: [PositionSnapshot]
    public var cash: Money
    /// Sessions the engine ran: the panel's session count, or fewer when a monitor stopped the run.
    public var sessionsRun: Int
}
