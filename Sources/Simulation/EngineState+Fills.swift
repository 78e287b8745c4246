import HuiceCore
import MarketData

/// One order attempt on the session's bar: the checks in the order the issue fixes them, then
/// the fill and its accounting.
extension EngineState {
    /// Attempts a buy once; what is not filled is cancelled.
    mutating func executeBuy(_ order: PendingOrder) {
        let instrument = order.instrument
        var event = emptyEvent(for: order, side: .buy, executeSession: session)
        guard hasBar(instrument) else { return reject(&event, .suspended) }
        let row = rows[instrument]
        let board = boards[instrument]
        let openPrice = open[row]
        let band = priceBand(instrument, row: row)
        if let band, openPrice >= band.up { return reject(&event, .limitUpReject) }

        var reference = openPrice
        var atOpen = true
        if order.type == .limit {
            let limit = order.limitPrice ?? order.signalPrice
            if openPrice > limit {
                guard low[row] <= limit else { return reject(&event, .limitNotReached) }
                reference = limit
                atOpen = false
            }
        }

        var wanted = buyShares(order, at: reference, board: board)
        guard wanted > 0 else { return reject(&event, .noCash) }
        let quote = slippageQuote(.buy, instrument, row: row, reference: reference, shares: wanted, band: band)
        if quote.price != reference {
            wanted = buyShares(order, at: quote.price, board: board)
            guard wanted > 0 else { return reject(&event, .noCash) }
        }
        event.orderShares = wanted

        let assessment = assess(.buy, instrument, row: row, shares: wanted, band: band, into: &event)
        if fillFails(probability: assessment.fillProbability, instrument: instrument, side: .buy) {
            return reject(&event, .auctionFail)
        }
        var shares = wanted
        var volumeLimited = false
        if assessment.fillableShares < shares {
            shares = settings.models.lots.roundBuy(assessment.fillableShares, board: board)
            volumeLimited = true
            guard shares > 0 else { return reject(&event, .auctionFail) }
        }

        // Reduce lot by lot until amount + fees fit in the cash.
        let price = quote.price
        shares = min(shares, settings.models.lots.roundBuy(account.cash.wholeShares(at: price), board: board))
        var value = Money.value(of: shares, at: price)
        var fees = self.fees(.buy, value, shares, board)
        while shares > 0 && value + fees.total > account.cash {
            shares = settings.models.lots.stepDown(shares, board: board)
            value = Money.value(of: shares, at: price)
            fees = self.fees(.buy, value, shares, board)
        }
        guard shares > 0 else { return reject(&event, .noCash) }

        account.cash -= value + fees.total
        let unlock = settings.models.settlement.firstSellableSession(boughtIn: session, panel: panel)
        if account.index(of: instrument) != nil {
            let current = session
            account.update(instrument) { p in
                p.lockedShares = current < p.unlockSession ? p.lockedShares + shares : shares
                p.unlockSession = unlock
                p.shares += shares
                p.costAmount += value
                p.costBasis += value + fees.total
            }
        } else {
            let tagged = order.tagIndex != 0
            account.open(OpenPosition(
                instrument: instrument, shares: shares, lockedShares: shares, unlockSession: unlock,
                costAmount: value, costBasis: value + fees.total, entrySession: session, tagIndex: order.tagIndex,
                stopPrice: tagged ? tags[order.tagIndex].stopPrice : nil,
                targetPrice: tagged ? tags[order.tagIndex].targetPrice : nil))
        }
        fill(&event, shares: shares, price: price, reference: reference, amount: value, fees: fees,
             impactBps: quote.impactBps, atOpen: atOpen, partial: volumeLimited)
        events.append(event)
    }

    /// Attempts a sell; returns the order again when it (or its remainder) must be retried next session.
    mutating func executeSell(_ order: PendingOrder) -> PendingOrder? {
        let instrument = order.instrument
        guard let position = account.position(instrument) else { return nil }  // already gone
        let sellable = position.sellableShares(inSession: session)
        guard sellable > 0 else { return order }  // T+1: not yet sellable, nothing to attempt
        var event = emptyEvent(for: order, side: .sell, executeSession: session)
        var wanted: Int
        switch order.sizing {
        case .shares(let n): wanted = order.remainingShares ?? n
        default: wanted = position.shares
        }
        wanted = min(wanted, position.shares)
        let board = boards[instrument]
        event.orderShares = settings.models.lots.roundSell(wanted, sellable: sellable, held: position.shares, board: board)
        guard event.orderShares > 0 else {
            reject(&event, .lotSize)
            return nil
        }
        guard hasBar(instrument) else {
            reject(&event, .suspended)
            return order
        }
        let row = rows[instrument]
        let openPrice = open[row]
        let band = priceBand(instrument, row: row)
        if let band, openPrice <= band.down {
            reject(&event, .limitDownReject)
            return order
        }
        var reference = openPrice
        var atOpen = true
        if order.type == .limit {
            let limit = order.limitPrice ?? order.signalPrice
            if openPrice < limit {
                guard high[row] >= limit else {
                    reject(&event, .limitNotReached)
                    return order
                }
                reference = limit
                atOpen = false
            }
        }
        var shares = event.orderShares
        let quote = slippageQuote(.sell, instrument, row: row, reference: reference, shares: shares, band: band)
        let assessment = assess(.sell, instrument, row: row, shares: shares, band: band, into: &event)
        if fillFails(probability: assessment.fillProbability, instrument: instrument, side: .sell) {
            reject(&event, .auctionFail)
            return order
        }
        var volumeLimited = false
        if assessment.fillableShares < shares {
            shares = settings.models.lots.roundSell(assessment.fillableShares, sellable: sellable, held: position.shares, board: board)
            volumeLimited = true
            guard shares > 0 else {
                reject(&event, .auctionFail)
                return order
            }
        }

        let price = quote.price
        let value = Money.value(of: shares, at: price)
        let fees = self.fees(.sell, value, shares, board)
        let basis = position.costBasis.proportion(shares, of: position.shares)
        let costPart = position.costAmount.proportion(shares, of: position.shares)
        account.cash += value - fees.total
        account.update(instrument) { p in
            p.shares -= shares
            p.lockedShares = min(p.lockedShares, p.shares)
            p.costBasis -= basis
            p.costAmount -= costPart
        }
        fill(&event, shares: shares, price: price, reference: reference, amount: value, fees: fees,
             impactBps: quote.impactBps, atOpen: atOpen, partial: volumeLimited)
        let pnl = value - fees.total - basis
        event.pnl = pnl
        event.pnlPct = basis.fen > 0 ? Double(pnl.fen) / Double(basis.fen) : nil
        event.holdDays = panel.tradingDays(fromSession: position.entrySession, toSession: session)
        events.append(event)

        let left = wanted - shares
        guard left > 0, account.index(of: instrument) != nil else { return nil }
        var retry = order
        if case .shares = retry.sizing { retry.remainingShares = left }
        return retry
    }

    // MARK: Pieces

    /// The fill price the slippage model gives `shares` at `reference` (the reference itself when
    /// the profile has no slippage).
    private func slippageQuote(_ side: OrderSide, _ instrument: Int, row: Int, reference: Price, shares: Int,
                               band: PriceBand?) -> SlippageQuote {
        guard hasSlippage else { return SlippageQuote(price: reference, impactBps: 0) }
        let model = settings.models.slippage
        return model.quote(SlippageContext(
            side: side, referencePrice: reference, shares: shares, dayVolume: volume[row],
            recentVolatility: model.needsVolatility ? recentVolatility(instrument, before: row) : nil,
            tick: ticks[instrument], band: band))
    }

    /// The liquidity model's verdict on `shares`, copied into the event's fill-probability fields.
    private func assess(_ side: OrderSide, _ instrument: Int, row: Int, shares: Int, band: PriceBand?,
                        into event: inout OrderEvent) -> LiquidityAssessment {
        let assessment = settings.models.liquidity.assess(LiquidityContext(
            side: side, shares: shares, dayVolume: volume[row], dayAmount: knownAmount(amount[row]),
            open: open[row], referencePrice: panel.columns.referencePrice(atRow: row, of: instrument), band: band))
        event.fillProbability = assessment.fillProbability
        event.queueRatio = assessment.queueRatio
        event.tier = assessment.tier
        return assessment
    }

    private func buyShares(_ order: PendingOrder, at price: Price, board: Board) -> Int {
        let cap = settings.positions.maxPositionPct.map { Rate($0).floorPortion(of: order.decisionEquity) }
        let budget: Money
        switch order.sizing {
        case .shares(let n):
            var shares = n
            if let cap { shares = min(shares, cap.wholeShares(at: price)) }
            return settings.models.lots.roundBuy(shares, board: board)
        case .value(let value):
            budget = cap.map { min($0, value) } ?? value
        case .percentOfEquity(let fraction):
            let value = Rate(fraction).floorPortion(of: order.decisionEquity)
            budget = cap.map { min($0, value) } ?? value
        case .targetPercent, .entirePosition:
            return 0
        }
        return settings.models.lots.roundBuy(budget.wholeShares(at: price), board: board)
    }

    private func fees(_ side: OrderSide, _ amount: Money, _ shares: Int, _ board: Board) -> FeeBreakdown {
        settings.models.fees.fees(for: FeeContext(side: side, amount: amount, shares: shares, day: sessionTime.day, board: board))
    }

    private func knownAmount(_ amount: Money) -> Money? { amount.fen >= 0 ? amount : nil }

    private mutating func reject(_ event: inout OrderEvent, _ reason: FilledReason) {
        event.status = .rejected
        event.reason = reason
        events.append(event)
    }

    private func fill(_ event: inout OrderEvent, shares: Int, price: Price, reference: Price, amount: Money,
                      fees: FeeBreakdown, impactBps: Double, atOpen: Bool, partial: Bool) {
        event.status = partial ? .partiallyFilled : .filled
        event.reason = partial ? .volumeLimit : .filled
        event.shares = shares
        event.filledPrice = price
        event.amount = amount
        event.fees = fees
        event.impactBps = impactBps
        event.slippage = Money.value(of: shares, at: Price(units: abs(price.units - reference.units)))
        event.fillTime = fillTime(atOpen: atOpen)
    }
}
