import HuiceCore

/// Derives round trips from the trade records (every order attempt, in execution order).
///
/// Only fills count: records with status `filled` or `partially_filled` and shares > 0. Per stock,
/// a buy while flat opens a trip, further buys add to it, and sells reduce it; the sell that
/// brings the position to zero closes it. Records whose data do not fit that picture are handled
/// so that the result stays defined, and documented here rather than trapped:
/// - a sell fill for a stock with no open trip (a record list that starts mid-position) is skipped;
/// - a sell of more shares than held closes the trip (the excess is ignored);
/// - a sell without `pnl` contributes 0 to the trip's pnl.
public enum RoundTripBuilder {
    /// Closed trips in the order they closed, and the trips still open at the end in the order
    /// they opened. Deterministic: no dictionary iteration decides any order.
    public static func build(from trades: [BacktestTrade]) -> (closed: [RoundTrip], open: [OpenTrip]) {
        var openTrips: [StockCode: Accumulator] = [:]
        var closed: [RoundTrip] = []
        for (index, record) in trades.enumerated() where isFill(record) {
            switch record.direction {
            case .buy:
                openTrips[record.stockCode, default: Accumulator(opening: record, at: index)].add(buy: record)
            case .sell:
                guard var trip = openTrips[record.stockCode] else { continue }
                trip.add(sell: record)
                if trip.heldShares == 0 {
                    closed.append(trip.roundTrip(closedBy: record))
                    openTrips[record.stockCode] = nil
                } else {
                    openTrips[record.stockCode] = trip
                }
            }
        }
        let open = openTrips.values.sorted { $0.openingIndex < $1.openingIndex }.map(\.openTrip)
        return (closed, open)
    }

    /// A record in which shares changed hands.
    static func isFill(_ record: BacktestTrade) -> Bool {
        (record.status == .filled || record.status == .partiallyFilled) && record.shares > 0
    }

    /// The running state of one stock's open trip.
    struct Accumulator {
        let stockCode: StockCode
        let stockName: String
        let entryDate: TradingDay
        /// Position of the opening buy in the record list, to order open trips.
        let openingIndex: Int
        var heldShares = 0
        var maxShares = 0
        var cost = Money.zero
        var pnl = Money.zero
        var entries = 0
        var exits = 0

        init(opening record: BacktestTrade, at index: Int) {
            stockCode = record.stockCode
            stockName = record.stockName
            entryDate = record.executeDate
            openingIndex = index
        }

        mutating func add(buy record: BacktestTrade) {
            heldShares += record.shares
            maxShares = max(maxShares, heldShares)
            cost += record.amount + record.totalFee
            entries += 1
        }

        mutating func add(sell record: BacktestTrade) {
            heldShares = max(0, heldShares - record.shares)
            pnl += record.pnl ?? .zero
            exits += 1
        }

        func roundTrip(closedBy record: BacktestTrade) -> RoundTrip {
            RoundTrip(stockCode: stockCode, stockName: stockName, entryDate: entryDate,
                      exitDate: record.executeDate, shares: maxShares, cost: cost, pnl: pnl,
                      pnlPct: cost.fen > 0 ? Double(pnl.fen) / Double(cost.fen) : nil,
                      holdDays: record.holdDays, entries: entries, exits: exits)
        }

        var openTrip: OpenTrip {
            OpenTrip(stockCode: stockCode, stockName: stockName, entryDate: entryDate, shares: heldShares,
                     maxShares: maxShares, cost: cost, realizedPnl: pnl, entries: entries, exits: exits)
        }
    }
}
