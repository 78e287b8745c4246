import HuiceCore
import MarketData

/// Runs a strategy over a market panel, session by session. Single-threaded and deterministic:
/// the same panel, settings and strategy give the same log, byte for byte. Parallelism belongs
/// to the caller (one engine per job).
///
/// Each session: bars advance; the orders decided at the previous close execute (sells, then buys);
/// the account is marked to the close and recorded; exit rules and the risk monitor look at that
/// close; the strategy hears about the session's order events, then decides after the close.
public struct BacktestEngine: Sendable {
    public let panel: MarketPanel
    public let settings: SimulationSettings

    public init(panel: MarketPanel, settings: SimulationSettings) {
        self.panel = panel
        self.settings = settings
    }

    public func run<S: Strategy>(_ strategy: inout S) -> SimulationResult {
        var context = StrategyContext(panel: panel, settings: settings)
        strategy.start(&context)
        let riskActive = settings.risk.isActive
        let sessionStart = panel.sessionBarStart
        let barInstrument = panel.barInstrument
        let barRow = panel.barRow
        for s in 0..<panel.sessionCount {
            context.session = s
            for k in Int(sessionStart[s])..<Int(sessionStart[s + 1]) {
                context.rows[Int(barInstrument[k])] = barRow[k]
            }
            let eventsBefore = context.log.trades.count
            if !context.book.isEmpty { context.executePendingOrders() }
            context.markToClose()
            if !context.account.isFlat && context.hasExitRules { context.checkExits() }
            if riskActive { context.checkRisk() }
            let eventsAfter = context.log.trades.count
            if eventsAfter > eventsBefore {
                for i in eventsBefore..<eventsAfter {
                    let trade = context.log.trades[i]
                    strategy.onOrderEvent(trade, &context)
                }
            }
            context.buysAcceptedThisClose = 0
            strategy.onClose(&context)
        }
        strategy.finish(&context)
        return SimulationResult(log: context.log, positions: context.positionSnapshots(), cash: context.cash)
    }
}

extension StrategyContext {
    /// Values the positions at the session's close (the last close for a stock without a bar) and
    /// records cash and market value: equity = cash + market value, to the fen, by construction.
    mutating func markToClose() {
        var value = Money.zero
        for p in account.positions {
            value += Money.value(of: p.shares, at: panel.series[p.instrument].close[Int(rows[p.instrument])])
        }
        equity = account.cash + value
        log.ledger.record(panel.sessions[session], cash: account.cash, positionsValue: value)
    }

    /// Seed 002 `Position` records of the held positions at the current close.
    func positionSnapshots() -> [PositionSnapshot] {
        account.positions.map { p in
            let info = panel.instruments[p.instrument]
            let price = close(p.instrument) ?? .zero
            let value = Money.value(of: p.shares, at: price)
            let pnl = value - p.costBasis
            let unlock = p.unlockSession < panel.sessionCount ? panel.sessions[p.unlockSession].day : nil
            return PositionSnapshot(
                stockCode: info.code, stockName: info.name, industryCode: info.industry, shares: p.shares,
                costPrice: p.costPriceUnits / Double(Price.unitsPerYuan), costAmount: p.costAmount,
                marketPrice: price, marketValue: value, unrealizedPnl: pnl,
                unrealizedPnlPct: p.costBasis.fen > 0 ? Double(pnl.fen) / Double(p.costBasis.fen) : 0,
                buyDate: panel.sessions[p.entrySession].day,
                canSellDate: p.lockedShares > 0 && session < p.unlockSession ? unlock : panel.sessions[p.entrySession + 1 < panel.sessionCount ? p.entrySession + 1 : p.entrySession].day,
                isFrozen: p.lockedShares > 0 && session + 1 < p.unlockSession,
                stopPrice: p.tag.stopPrice, targetPrice: p.tag.targetPrice, signalID: p.tag.signalID,
                direction: "long")
        }
    }
}

/// What a run leaves: the event log, the positions still held and the cash at the last close.
public struct SimulationResult: Sendable, Equatable {
    public var log: SimulationLog
    public var positions: [PositionSnapshot]
    public var cash: Money
}
