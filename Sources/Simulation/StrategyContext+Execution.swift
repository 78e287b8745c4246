import HuiceCore
import MarketData

/// The broker: executes the orders decided at the previous close, in the current session.
///
/// Order of work: target-percent orders are resolved against equity at the open; sells run first
/// (their proceeds are usable the same session), in the order they were submitted; then buys in
/// descending score, then stock code. Every attempt appends one trade record.
extension StrategyContext {
    mutating func executePendingOrders() {
        var orders = book.takeAll()
        if orders.contains(where: \.isTarget) { orders = resolveTargets(orders) }
        var retries: [PendingOrder] = []
        for order in orders where !order.isBuying {
            if let retry = executeSell(order) { retries.append(retry) }
        }
        let buys = orders.filter(\.isBuying).sorted { a, b in
            let sa = a.request.tag.score ?? 0, sb = b.request.tag.score ?? 0
            if sa != sb { return sa > sb }
            return panel.instruments[a.request.instrument].code < panel.instruments[b.request.instrument].code
        }
        for order in buys { executeBuy(order) }
        for retry in retries { _ = book.add(retry) }
    }

    // MARK: Target orders

    /// Turns each target-percent order into the buy or sell of the difference between the target
    /// and the held shares, both valued at this session's open: V = cash + Σ shares × open (the
    /// last close for a stock without a bar), target = ⌊V × fraction / open⌋ within the lot rules.
    private func resolveTargets(_ orders: [PendingOrder]) -> [PendingOrder] {
        var value = account.cash
        for p in account.positions {
            let row = Int(rows[p.instrument])
            let price = hasBar(p.instrument) ? panel.series[p.instrument].open[row] : panel.series[p.instrument].close[row]
            value += Money.value(of: p.shares, at: price)
        }
        var resolved: [PendingOrder] = []
        for var order in orders {
            guard case .targetPercent(let fraction) = order.request.sizing else {
                resolved.append(order)
                continue
            }
            let instrument = order.request.instrument
            guard hasBar(instrument) else {
                // No open to value the target at: attempt as a buy so the record says `suspended`.
                if !holds(instrument) && fraction > 0 {
                    order.request.sizing = .shares(0)
                    resolved.append(order)
                }
                continue
            }
            let open = panel.series[instrument].open[Int(rows[instrument])]
            let info = panel.instruments[instrument]
            let wanted = Rate(fraction).floorPortion(of: value).wholeShares(at: open)
            let held = account.position(instrument)?.shares ?? 0
            if wanted > held {
                let extra = settings.models.lots.roundBuy(wanted - held, for: info)
                guard extra > 0 else { continue }
                order.request.side = .buy
                order.request.sizing = .shares(extra)
            } else if wanted < held {
                order.request.side = .sell
                order.request.sizing = wanted == 0 ? .entirePosition : .shares(held - wanted)
            } else {
                continue
            }
            resolved.append(order)
        }
        return resolved
    }

    // MARK: Market facts of the session

    /// The price band of `instrument` on the bar at `row`, from the price-limit model.
    func priceBand(_ instrument: Int, row: Int) -> PriceBand? {
        let series = panel.series[instrument]
        let info = panel.instruments[instrument]
        let day = series.times[row].day
        var listingDay: Int?
        if let listDate = info.listDate, let calendar = panel.calendar {
            listingDay = calendar.tradingDays(from: listDate, to: day) + 1
        }
        return settings.models.priceLimits.band(PriceLimitContext(
            instrument: info, day: day, referencePrice: series.referencePrice(at: row),
            tradingDayOfListing: listingDay, listed: panel.limits.isEmpty ? nil : panel.limits.entry(info.code, day)))
    }

    /// Sample standard deviation of the close-to-close returns of the `volatilityLookback` bars
    /// before `row` (nil with fewer than five returns).
    func recentVolatility(_ instrument: Int, before row: Int) -> Double? {
        let closes = panel.series[instrument].close
        let first = max(1, row - settings.volatilityLookback)
        guard row - first >= 5 else { return nil }
        var returns: [Double] = []
        returns.reserveCapacity(row - first)
        for i in first..<row { returns.append(Double(closes[i].units) / Double(closes[i - 1].units) - 1) }
        let mean = returns.reduce(0, +) / Double(returns.count)
        let variance = returns.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(returns.count - 1)
        return variance.squareRoot()
    }

    /// Whether the fill policy fails an order the liquidity model gave `probability`.
    func fillFails(probability: Double, instrument: Int, side: OrderSide) -> Bool {
        if probability < settings.fillPolicy.minFillProbability { return true }
        guard let seed = settings.fillPolicy.randomSeed else { return false }
        let draw = SeededDraw.uniform(seed: seed, session: session, instrument: instrument, salt: side == .buy ? 1 : 2)
        return draw >= probability
    }

    /// `09:25:00` (opening call auction) for daily bars filled at the open, `09:30:00` for a limit
    /// reached in the continuous session (a daily bar does not say when), the bar's own time for
    /// intraday bars.
    func filledTime(atOpen: Bool) -> String {
        let time = panel.sessions[session]
        if time.hasTimeOfDay { return time.timeString }
        return atOpen ? "09:25:00" : "09:30:00"
    }
}

extension PendingOrder {
    var isTarget: Bool {
        if case .targetPercent = request.sizing { return true }
        return false
    }
}
