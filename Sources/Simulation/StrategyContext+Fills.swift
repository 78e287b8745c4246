import HuiceCore
import MarketData

/// One order attempt on the session's bar: the checks in the order the issue fixes them, then
/// the fill and its accounting.
extension StrategyContext {
    /// Attempts a buy once; what is not filled is cancelled.
    mutating func executeBuy(_ order: PendingOrder) {
        let instrument = order.request.instrument
        var record = tradeRecord(for: order, side: .buy, executeSession: session)
        guard hasBar(instrument) else { return reject(&record, .suspended) }
        let row = Int(rows[instrument])
        let series = panel.series[instrument]
        let info = panel.instruments[instrument]
        let models = settings.models
        let open = series.open[row]
        let band = priceBand(instrument, row: row)
        if let band, open >= band.up { return reject(&record, .limitUpReject) }

        var reference = open
        var atOpen = true
        if order.request.type == .limit {
            let limit = order.request.limitPrice ?? order.signalPrice
            if open > limit {
                guard series.low[row] <= limit else { return reject(&record, .limitNotReached) }
                reference = limit
                atOpen = false
            }
        }

        var wanted = buyShares(order, at: reference, info: info)
        guard wanted > 0 else { return reject(&record, .noCash) }
        var quote = SlippageQuote(price: reference, impactBps: 0)
        if !(models.slippage is NoSlippage) {
            quote = models.slippage.quote(SlippageContext(
                side: .buy, referencePrice: reference, shares: wanted, dayVolume: series.volume[row],
                recentVolatility: models.slippage.needsVolatility ? recentVolatility(instrument, before: row) : nil,
                tick: info.tick, band: band))
            if quote.price != reference { wanted = buyShares(order, at: quote.price, info: info) }
            guard wanted > 0 else { return reject(&record, .noCash) }
        }
        record.orderShares = wanted

        let assessment = models.liquidity.assess(LiquidityContext(
            side: .buy, shares: wanted, dayVolume: series.volume[row], dayAmount: knownAmount(series.amount[row]),
            open: open, referencePrice: series.referencePrice(at: row), band: band))
        record.fillProbability = assessment.fillProbability
        record.queueRatio = assessment.queueRatio
        record.liquidityTier = assessment.tier
        if fillFails(probability: assessment.fillProbability, instrument: instrument, side: .buy) {
            return reject(&record, .auctionFail)
        }
        var shares = wanted
        var volumeLimited = false
        if assessment.fillableShares < shares {
            shares = models.lots.roundBuy(assessment.fillableShares, for: info)
            volumeLimited = true
            guard shares > 0 else { return reject(&record, .auctionFail) }
        }

        // Reduce lot by lot until amount + fees fit in the cash.
        let price = quote.price
        shares = min(shares, models.lots.roundBuy(account.cash.wholeShares(at: price), for: info))
        var amount = Money.value(of: shares, at: price)
        var fees = buyFees(amount: amount, shares: shares, info: info)
        while shares > 0 && amount + fees.total > account.cash {
            shares = models.lots.stepDown(shares, for: info)
            amount = Money.value(of: shares, at: price)
            fees = buyFees(amount: amount, shares: shares, info: info)
        }
        guard shares > 0 else { return reject(&record, .noCash) }

        account.cash -= amount + fees.total
        let unlock = models.settlement.firstSellableSession(boughtIn: session, panel: panel)
        if account.index(of: instrument) != nil {
            let current = session
            account.update(instrument) { p in
                p.lockedShares = current < p.unlockSession ? p.lockedShares + shares : shares
                p.unlockSession = unlock
                p.shares += shares
                p.costAmount += amount
                p.costBasis += amount + fees.total
            }
        } else {
            account.open(OpenPosition(
                instrument: instrument, shares: shares, lockedShares: shares, unlockSession: unlock,
                costAmount: amount, costBasis: amount + fees.total, entrySession: session, tag: order.request.tag))
        }
        fill(&record, shares: shares, price: price, reference: reference, amount: amount, fees: fees,
             impactBps: quote.impactBps, atOpen: atOpen, partial: volumeLimited)
        log.trades.append(record)
    }

    /// Attempts a sell; returns the order again when it (or its remainder) must be retried next session.
    mutating func executeSell(_ order: PendingOrder) -> PendingOrder? {
        let instrument = order.request.instrument
        guard let position = account.position(instrument) else { return nil }  // already gone
        let sellable = position.sellableShares(inSession: session)
        guard sellable > 0 else { return order }  // T+1: not yet sellable, nothing to attempt
        var record = tradeRecord(for: order, side: .sell, executeSession: session)
        var wanted: Int
        switch order.request.sizing {
        case .entirePosition: wanted = position.shares
        case .shares(let n): wanted = order.remainingShares ?? n
        default: wanted = position.shares
        }
        wanted = min(wanted, position.shares)
        let info = panel.instruments[instrument]
        let models = settings.models
        record.orderShares = models.lots.roundSell(wanted, sellable: sellable, held: position.shares, for: info)
        guard hasBar(instrument) else {
            reject(&record, .suspended)
            return order
        }
        let row = Int(rows[instrument])
        let series = panel.series[instrument]
        let open = series.open[row]
        let band = priceBand(instrument, row: row)
        if let band, open <= band.down {
            reject(&record, .limitDownReject)
            return order
        }
        var reference = open
        var atOpen = true
        if order.request.type == .limit {
            let limit = order.request.limitPrice ?? order.signalPrice
            if open < limit {
                guard series.high[row] >= limit else {
                    reject(&record, .limitNotReached)
                    return order
                }
                reference = limit
                atOpen = false
            }
        }
        var shares = record.orderShares
        guard shares > 0 else { return nil }  // nothing sellable under the lot rules
        var quote = SlippageQuote(price: reference, impactBps: 0)
        if !(models.slippage is NoSlippage) {
            quote = models.slippage.quote(SlippageContext(
                side: .sell, referencePrice: reference, shares: shares, dayVolume: series.volume[row],
                recentVolatility: models.slippage.needsVolatility ? recentVolatility(instrument, before: row) : nil,
                tick: info.tick, band: band))
        }
        let assessment = models.liquidity.assess(LiquidityContext(
            side: .sell, shares: shares, dayVolume: series.volume[row], dayAmount: knownAmount(series.amount[row]),
            open: open, referencePrice: series.referencePrice(at: row), band: band))
        record.fillProbability = assessment.fillProbability
        record.queueRatio = assessment.queueRatio
        record.liquidityTier = assessment.tier
        if fillFails(probability: assessment.fillProbability, instrument: instrument, side: .sell) {
            reject(&record, .auctionFail)
            return order
        }
        var volumeLimited = false
        if assessment.fillableShares < shares {
            shares = models.lots.roundSell(assessment.fillableShares, sellable: sellable, held: position.shares, for: info)
            volumeLimited = true
            guard shares > 0 else {
                reject(&record, .auctionFail)
                return order
            }
        }

        let price = quote.price
        let amount = Money.value(of: shares, at: price)
        let fees = models.fees.fees(for: FeeContext(side: .sell, amount: amount, shares: shares,
                                                     day: panel.sessions[session].day, instrument: info))
        let basis = position.costBasis.proportion(shares, of: position.shares)
        let costPart = position.costAmount.proportion(shares, of: position.shares)
        account.cash += amount - fees.total
        account.update(instrument) { p in
            p.shares -= shares
            p.lockedShares = min(p.lockedShares, p.shares)
            p.costBasis -= basis
            p.costAmount -= costPart
        }
        fill(&record, shares: shares, price: price, reference: reference, amount: amount, fees: fees,
             impactBps: quote.impactBps, atOpen: atOpen, partial: volumeLimited)
        let pnl = amount - fees.total - basis
        record.pnl = pnl
        record.pnlPct = basis.fen > 0 ? Double(pnl.fen) / Double(basis.fen) : nil
        record.holdDays = panel.tradingDays(fromSession: position.entrySession, toSession: session)
        log.trades.append(record)

        let left = wanted - shares
        guard left > 0, account.index(of: instrument) != nil else { return nil }
        var retry = order
        retry.remainingShares = left
        if case .entirePosition = retry.request.sizing { retry.remainingShares = nil }
        return retry
    }

    // MARK: Pieces

    private func buyShares(_ order: PendingOrder, at price: Price, info: Instrument) -> Int {
        let lots = settings.models.lots
        let cap = settings.positions.maxPositionPct.map { Rate($0).floorPortion(of: order.decisionEquity) }
        let budget: Money?
        switch order.request.sizing {
        case .shares(let n):
            var shares = n
            if let cap { shares = min(shares, cap.wholeShares(at: price)) }
            return lots.roundBuy(shares, for: info)
        case .value(let value):
            budget = cap.map { min($0, value) } ?? value
        case .percentOfEquity(let fraction):
            let value = Rate(fraction).floorPortion(of: order.decisionEquity)
            budget = cap.map { min($0, value) } ?? value
        case .targetPercent, .entirePosition:
            budget = nil
        }
        guard let budget else { return 0 }
        return lots.roundBuy(budget.wholeShares(at: price), for: info)
    }

    private func buyFees(amount: Money, shares: Int, info: Instrument) -> FeeBreakdown {
        settings.models.fees.fees(for: FeeContext(side: .buy, amount: amount, shares: shares,
                                                  day: panel.sessions[session].day, instrument: info))
    }

    private func knownAmount(_ amount: Money) -> Money? { amount.fen >= 0 ? amount : nil }

    private mutating func reject(_ record: inout BacktestTrade, _ reason: FilledReason) {
        record.status = .rejected
        record.filledReason = reason
        log.trades.append(record)
    }

    private func fill(_ record: inout BacktestTrade, shares: Int, price: Price, reference: Price, amount: Money,
                      fees: FeeBreakdown, impactBps: Double, atOpen: Bool, partial: Bool) {
        record.status = partial ? .partiallyFilled : .filled
        record.filledReason = partial ? .volumeLimit : .filled
        record.shares = shares
        record.filledPrice = price
        record.amount = amount
        record.commission = fees.commission
        record.stampTax = fees.stampTax
        record.transferFee = fees.transferFee
        record.totalFee = fees.total
        record.impactCostBps = impactBps
        record.slippage = Money.value(of: shares, at: Price(units: abs(price.units - reference.units)))
        record.filledTime = filledTime(atOpen: atOpen)
    }
}
