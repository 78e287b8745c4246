import HuiceCore
import MarketData

extension StrategyContext {
    /// Submits an order for the next session.
    ///
    /// Checked now, at the decision close (each refusal is a rejected trade record):
    /// - a buy while the risk monitor halts buying → `risk_halt`;
    /// - a buy that would open a position beyond `max_positions` (held positions, including those
    ///   with a pending sell, plus openings accepted this close) → `max_position`;
    /// - a sell of a stock not held → `no_position`.
    /// A sell of a position already being sold, and any order on the last session, is ignored.
    /// A target-percent order replaces the instrument's other pending orders.
    @discardableResult
    public mutating func submit(_ request: OrderRequest) -> OrderSubmission {
        precondition(request.instrument >= 0 && request.instrument < panel.instrumentCount, "unknown instrument")
        guard !isLastSession else { return .ignored }
        let instrument = request.instrument
        let order = PendingOrder(
            request: request, decisionSession: session,
            signalPrice: request.type == .limit ? (request.limitPrice ?? close(instrument) ?? .zero) : (close(instrument) ?? .zero),
            decisionEquity: equity)

        var opens = request.side == .buy
        var isTarget = false
        switch request.sizing {
        case .targetPercent(let fraction):
            isTarget = true
            opens = fraction > 0
        case .entirePosition where request.side == .buy:
            preconditionFailure("entirePosition sizes sells only")
        default:
            break
        }

        if request.side == .sell, !isTarget {
            guard holds(instrument) else {
                recordRefusal(order, side: .sell, reason: .noPosition)
                return .rejected(.noPosition)
            }
            if book.hasPendingSell(instrument) { return .ignored }
            return .accepted(orderID: book.add(order))
        }

        if opens && risk.halted {
            recordRefusal(order, side: .buy, reason: .riskHalt)
            return .rejected(.riskHalt)
        }
        let opening = opens && !holds(instrument) && !book.hasPendingBuy(instrument)
        if opening, let maxPositions = settings.positions.maxPositions,
           account.positions.count + buysAcceptedThisClose >= maxPositions {
            recordRefusal(order, side: .buy, reason: .maxPosition)
            return .rejected(.maxPosition)
        }
        if isTarget { _ = book.remove(instrument: instrument) { _ in true } }
        if opening { buysAcceptedThisClose += 1 }
        return .accepted(orderID: book.add(order))
    }

    /// Sells the whole position at the next open (no-op when not held or already selling).
    @discardableResult
    public mutating func closePosition(_ instrument: Int, reason: ExitReason = .strategy, tag: OrderTag = OrderTag()) -> OrderSubmission {
        guard holds(instrument) else { return .ignored }
        var tag = tag
        tag.exitReason = reason
        return submit(.sell(instrument, .entirePosition, tag: tag))
    }

    /// A record for an order refused at the close; its execute date is the next session's.
    mutating func recordRefusal(_ order: PendingOrder, side: OrderSide, reason: FilledReason) {
        var record = tradeRecord(for: order, side: side, executeSession: session + 1)
        record.filledReason = reason
        log.trades.append(record)
    }

    /// A rejected record with the order's provenance filled in; the broker completes fills.
    func tradeRecord(for order: PendingOrder, side: OrderSide, executeSession: Int) -> BacktestTrade {
        let instrument = panel.instruments[order.request.instrument]
        let tag = order.request.tag
        return BacktestTrade(
            tradeID: log.nextTradeID(),
            signalDate: panel.sessions[order.decisionSession].day,
            executeDate: panel.sessions[min(executeSession, panel.sessionCount - 1)].day,
            signalID: tag.signalID, stockCode: instrument.code, stockName: instrument.name,
            direction: side, orderType: order.request.type, signalPrice: order.signalPrice,
            status: .rejected, fillProbability: 0, queueRatio: 0, backtestState: tag.backtestState,
            filledReason: .filled, signalScore: tag.score, signalSource: tag.source,
            integrationMode: tag.integrationMode, recommendation: tag.recommendation,
            exitReason: side == .sell ? (tag.exitReason ?? .strategy) : nil)
    }
}
