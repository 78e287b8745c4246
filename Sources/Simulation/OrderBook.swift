import HuiceCore

/// Orders waiting for the next session. Sells stay (and are retried) until they fill; buys get
/// one attempt.
struct OrderBook: Sendable {
    private(set) var orders: [PendingOrder] = []
    private var nextID = 1
    /// Per instrument: how many pending orders of each side it has.
    private var pendingSells: [Int32]
    private var pendingBuys: [Int32]

    init(instrumentCount: Int) {
        pendingSells = [Int32](repeating: 0, count: instrumentCount)
        pendingBuys = [Int32](repeating: 0, count: instrumentCount)
    }

    var isEmpty: Bool { orders.isEmpty }
    var count: Int { orders.count }

    @inline(__always) func hasPendingSell(_ instrument: Int) -> Bool { pendingSells[instrument] > 0 }
    @inline(__always) func hasPendingBuy(_ instrument: Int) -> Bool { pendingBuys[instrument] > 0 }

    /// Instruments not held that pending buys would open (for max_positions).
    func pendingOpenings(excludingHeld isHeld: (Int) -> Bool) -> Int {
        var seen = Set<Int>()
        for order in orders where order.isBuying && !isHeld(order.request.instrument) {
            seen.insert(order.request.instrument)
        }
        return seen.count
    }

    mutating func add(_ order: PendingOrder) -> Int {
        var order = order
        order.id = nextID
        nextID += 1
        adjustCounts(order, by: 1)
        orders.append(order)
        return order.id
    }

    /// Removes and returns every order, leaving the book empty.
    mutating func takeAll() -> [PendingOrder] {
        let taken = orders
        for order in taken { adjustCounts(order, by: -1) }
        orders.removeAll(keepingCapacity: true)
        return taken
    }

    /// Removes the orders of `instrument` matching `predicate` and returns them.
    mutating func remove(instrument: Int, where predicate: (PendingOrder) -> Bool) -> [PendingOrder] {
        var removed: [PendingOrder] = []
        orders.removeAll { order in
            guard order.request.instrument == instrument, predicate(order) else { return false }
            removed.append(order)
            return true
        }
        for order in removed { adjustCounts(order, by: -1) }
        return removed
    }

    /// Removes every pending buy (risk halt) and returns them.
    mutating func removeBuys() -> [PendingOrder] {
        var removed: [PendingOrder] = []
        orders.removeAll { order in
            guard order.isBuying else { return false }
            removed.append(order)
            return true
        }
        for order in removed { adjustCounts(order, by: -1) }
        return removed
    }

    private mutating func adjustCounts(_ order: PendingOrder, by delta: Int32) {
        if order.isBuying { pendingBuys[order.request.instrument] += delta }
        else { pendingSells[order.request.instrument] += delta }
    }
}

/// An accepted order and what the decision close fixed about it.
struct PendingOrder: Sendable {
    var id = 0
    var request: OrderRequest
    /// The session whose close made the decision.
    let decisionSession: Int
    /// The decision close (or the limit price for limit orders): seed 002 `signal_price`.
    let signalPrice: Price
    /// Equity at the decision close: sizes `.percentOfEquity` and caps buys by max_position_pct.
    let decisionEquity: Money
    /// For sells filled in part: the shares still to sell.
    var remainingShares: Int?

    /// Buys and target orders (which may turn into either side at execution).
    var isBuying: Bool {
        if case .targetPercent = request.sizing { return true }
        return request.side == .buy
    }
}
