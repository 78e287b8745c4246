import HuiceCore
import MarketData

extension EngineState {
    /// Submits an order for the next session.
    ///
    /// Checked now, at the decision close (each refusal is a rejected record):
    /// - a buy while the risk monitor halts buying → `risk_halt`;
    /// - a buy that would open a position beyond `max_positions` (held positions, including those
    ///   with a pending sell, plus openings accepted this close) → `max_position`;
    /// - a sell of a stock not held → `no_position`.
    /// A sell of a position already being sold, and any order on the last session, is ignored.
    /// A target-percent order replaces the instrument's other pending orders.
    mutating func submit(_ request: OrderRequest) -> OrderSubmission {
        precondition(request.instrument >= 0 && request.instrument < panel.instrumentCount, "unknown instrument")
        guard !isLastSession else { return .ignored }
        let instrument = request.instrument
        let closePrice = close(instrument) ?? .zero
        var order = PendingOrder(
            instrument: instrument, side: request.side, sizing: request.sizing, type: request.type,
            limitPrice: request.limitPrice, score: request.tag.score ?? 0, tagIndex: 0,
            exitReason: request.side == .sell ? (request.tag.exitReason ?? .strategy) : nil,
            decisionSession: session,
            signalPrice: request.type == .limit ? (request.limitPrice ?? closePrice) : closePrice,
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
            guard let position = account.position(instrument) else {
                order = order.tagged(store(request.tag))
                recordRefusal(order, reason: .noPosition)
                return .rejected(.noPosition)
            }
            if book.hasPendingSell(instrument) { return .ignored }
            // An untagged exit keeps the provenance of the buy that opened the position.
            order = order.tagged(request.tag.isEmptyApartFromExitReason ? position.tagIndex : store(request.tag))
            return .accepted(orderID: book.add(order))
        }

        order = order.tagged(store(request.tag))
        if opens && risk.halted {
            recordRefusal(order, reason: .riskHalt)
            return .rejected(.riskHalt)
        }
        let opening = opens && !holds(instrument) && !book.hasPendingBuy(instrument)
        if opening, let maxPositions = settings.positions.maxPositions,
           account.positions.count + buysAcceptedThisClose >= maxPositions {
            recordRefusal(order, reason: .maxPosition)
            return .rejected(.maxPosition)
        }
        if isTarget { _ = book.removeAll(of: instrument) }
        if opening { buysAcceptedThisClose += 1 }
        return .accepted(orderID: book.add(order))
    }

    /// Sells the whole position at the next open (ignored when not held or already selling).
    mutating func closePosition(_ instrument: Int, reason: ExitReason, tag: OrderTag = OrderTag()) -> OrderSubmission {
        guard holds(instrument) else { return .ignored }
        var tag = tag
        tag.exitReason = reason
        return submit(.sell(instrument, .entirePosition, tag: tag))
    }

    /// The index of `tag` in the tag table (0 for an empty tag, which is never stored twice).
    mutating func store(_ tag: OrderTag) -> Int {
        guard !tag.isEmptyApartFromExitReason else { return 0 }
        var stored = tag
        stored.exitReason = nil  // exit reasons travel on the order and its events
        tags.append(stored)
        return tags.count - 1
    }

    /// The record of an order refused at the close; its execute session is the next one.
    mutating func recordRefusal(_ order: PendingOrder, reason: FilledReason) {
        var event = emptyEvent(for: order, side: order.side, executeSession: session + 1)
        event.reason = reason
        events.append(event)
    }

    /// A rejected event carrying the order's provenance; the broker completes fills.
    func emptyEvent(for order: PendingOrder, side: OrderSide, executeSession: Int) -> OrderEvent {
        OrderEvent(
            orderID: order.id, instrument: order.instrument, decisionSession: order.decisionSession,
            executeSession: executeSession, side: side, orderType: order.type, status: .rejected, reason: .filled,
            signalPrice: order.signalPrice, filledPrice: .zero, shares: 0, orderShares: 0, amount: .zero,
            fees: FeeBreakdown(), slippage: .zero, impactBps: 0, fillProbability: 0, queueRatio: 0, tier: nil,
            pnl: nil, pnlPct: nil, holdDays: nil, exitReason: side == .sell ? (order.exitReason ?? .strategy) : nil,
            fillTime: .none, tagIndex: order.tagIndex)
    }
}

extension PendingOrder {
    func tagged(_ index: Int) -> PendingOrder {
        PendingOrder(id: id, instrument: instrument, side: side, sizing: sizing, type: type, limitPrice: limitPrice,
                     score: score, tagIndex: index, exitReason: exitReason, decisionSession: decisionSession,
                     signalPrice: signalPrice, decisionEquity: decisionEquity, remainingShares: remainingShares)
    }
}

extension OrderTag {
    var isEmptyApartFromExitReason: Bool {
        signalID.isEmpty && score == nil && recommendation == nil && source == nil && integrationMode == nil
            && backtestState == .normal && stopPrice == nil && targetPrice == nil
    }
}
