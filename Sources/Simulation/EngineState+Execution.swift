import HuiceCore
import MarketData
import SeriesMath

/// The broker: executes the orders decided at the previous close, in the current session.
///
/// Order of work: target-percent orders are resolved against equity at the open; sells run first
/// (their proceeds are usable the same session), in the order they were submitted; then buys in
/// descending score, then stock code. Every attempt appends one event.
extension EngineState {
    mutating func executePendingOrders() {
        var orders: [PendingOrder] = []
        var buys: [PendingOrder] = []
        swap(&orders, &scratchOrders)
        swap(&buys, &scratchBuys)
        book.takeAll(into: &orders)
        buys.removeAll(keepingCapacity: true)
        if orders.contains(where: { $0.isTarget }) { orders = resolveTargets(orders) }
        for order in orders {
            if order.isBuying {
                buys.append(order)
            } else if let retry = executeSell(order) {
                book.add(retry)
            }
        }
        if buys.count > 1 {
            buys.sort { a, b in
                if a.score != b.score { return a.score > b.score }
                return panel.instruments[a.instrument].code < panel.instruments[b.instrument].code
            }
        }
        for order in buys { executeBuy(order) }
        swap(&orders, &scratchOrders)
        swap(&buys, &scratchBuys)
    }

    // MARK: Target orders

    /// Turns each target-percent order into the buy or sell of the difference between the target
    /// and the held shares, both valued at this session's open: V = cash + Σ shares × open (the
    /// last close for a stock without a bar), target = ⌊V × fraction / open⌋ within the lot rules.
    private func resolveTargets(_ orders: [PendingOrder]) -> [PendingOrder] {
        var value = account.cash
        for p in account.positions {
            let row = rows[p.instrument]
            value += Money.value(of: p.shares, at: hasBar(p.instrument) ? open[row] : close[row])
        }
        var resolved: [PendingOrder] = []
        resolved.reserveCapacity(orders.count)
        for var order in orders {
            guard case .targetPercent(let fraction) = order.sizing else {
                resolved.append(order)
                continue
            }
            let instrument = order.instrument
            guard hasBar(instrument) else {
                // No open to value the target at: attempt it as a buy so the record says `suspended`.
                if !holds(instrument) && fraction > 0 {
                    order.side = .buy
                    order.sizing = .shares(0)
                    resolved.append(order)
                }
                continue
            }
            let wanted = Rate(fraction).floorPortion(of: value).wholeShares(at: open[rows[instrument]])
            let held = account.position(instrument)?.shares ?? 0
            if wanted > held {
                let extra = settings.models.lots.roundBuy(wanted - held, board: boards[instrument])
                guard extra > 0 else { continue }
                order.side = .buy
                order.sizing = .shares(extra)
            } else if wanted < held {
                order.side = .sell
                order.sizing = wanted == 0 ? .entirePosition : .shares(held - wanted)
            } else {
                continue
            }
            resolved.append(order)
        }
        return resolved
    }

    // MARK: Market facts of the session

    /// The price band of `instrument` on the bar at global `row`, from the price-limit model.
    func priceBand(_ instrument: Int, row: Int) -> PriceBand? {
        guard hasPriceLimits else { return nil }
        let day = times[row].day
        let listDate = listDates[instrument]
        var listingDay: Int?
        if let listDate, let calendar = panel.calendar {
            listingDay = calendar.tradingDays(from: listDate, to: day) + 1
        }
        let isST = hasSpecialTreatment[instrument] && panel.instruments[instrument].isSpecialTreatment(on: day)
        return settings.models.priceLimits.band(PriceLimitContext(
            board: boards[instrument], isSpecialTreatment: isST, listDate: listDate, tick: ticks[instrument],
            day: day, referencePrice: panel.columns.referencePrice(atRow: row, of: instrument),
            tradingDayOfListing: listingDay,
            listed: hasLimitList ? panel.limits.entry(panel.instruments[instrument].code, day) : nil))
    }

    /// Sample standard deviation of the close-to-close returns of the `volatilityLookback` bars
    /// before `row` (nil with fewer than five returns).
    func recentVolatility(_ instrument: Int, before row: Int) -> Double? {
        let first = max(columnStart[instrument] + 1, row - settings.volatilityLookback)
        guard row - first >= 5 else { return nil }
        let returns = (first..<row).map { Double(close[$0].units) / Double(close[$0 - 1].units) - 1 }
        return Statistics.standardDeviation(returns)
    }

    /// Whether the fill policy fails an order the liquidity model gave `probability`.
    func fillFails(probability: Double, instrument: Int, side: OrderSide) -> Bool {
        if probability < settings.fillPolicy.minFillProbability { return true }
        guard let seed = settings.fillPolicy.randomSeed else { return false }
        let draw = SeededDraw.uniform(seed: seed, session: session, instrument: instrument, salt: side == .buy ? 1 : 2)
        return draw >= probability
    }

    /// The opening call auction for daily bars filled at the open, the continuous session for a
    /// limit reached intraday (a daily bar does not say when), the bar's own time for intraday bars.
    func fillTime(atOpen: Bool) -> OrderEvent.FillTime {
        if sessionTime.hasTimeOfDay { return .barTime }
        return atOpen ? .openingAuction : .continuous
    }
}
