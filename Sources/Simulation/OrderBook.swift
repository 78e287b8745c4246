import HuiceCore

/// Orders waiting for the next session. Sells stay (and are retried) until they fill; buys get
/// one attempt.
struct OrderBook {
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

    /// Adds an order; a new order gets the next id, a retried one keeps its own.
    @discardableResult
    mutating func add(_ order: PendingOrder) -> Int {
        var order = order
        if order.id == 0 {
            order.id = nextID
            nextID += 1
        }
        adjustCounts(order, by: 1)
        orders.append(order)
        return order.id
    }

    /// Moves every order out of the book into `buffer` (whose old contents are dropped), leaving
    /// the book empty. Pass the buffer back next time: the two arrays swap roles, so steady-state
    /// sessions allocate nothing.
    mutating func takeAll(into buffer: inout [PendingOrder]) {
        for order in orders { adjustCounts(order, by: -1) }
        buffer.removeAll(keepingCapacity: true)
        swap(&buffer, &orders)
    }

    /// Removes the orders of `instrument` and returns them.
    mutating func removeAll(of instrument: Int) -> [PendingOrder] {
        var removed: [PendingOrder] = []
        orders.removeAll { order in
            guard order.instrument == instrument else { return false }
            removed.append(order)
            return true
        }
        for order in removed { adjustCounts(order, by: -1) }
        return removed
    }

    /// Removes every order that could buy (risk halt): buys and target orders. Returns the ones
    /// that meant to buy; a target of zero (a sell) is dropped silently, the liquidation replaces it.
    mutating func removeBuys() -> [PendingOrder] {
        var removed: [PendingOrder] = []
        orders.removeAll { order in
            guard order.isBuying else { return false }
            removed.append(order)
            return true
        }
        for order in removed { adjustCounts(order, by: -1) }
        return removed.filter { order in
            if case .targetPercent(let fraction) = order.sizing { return fraction > 0 }
            return true
        }
    }

    private mutating func adjustCounts(_ order: PendingOrder, by delta: Int32) {
        if order.isBuying { pendingBuys[order.instrument] += delta } else { pendingSells[order.instrument] += delta }
    }
}

/// An accepted order and what the decision close fixed about it. Plain values only (the tag lives
/// in the log's tag table), so the book moves orders around by copying words.
struct PendingOrder {
    var id = 0
    let instrument: Int
    var side: OrderSide
    var sizing: OrderSizing
    let type: OrderType
    let limitPrice: Price?
    /// Buys execute in descending score (then code).
    let score: Double
    let tagIndex: Int
    let exitReason: ExitReason?
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
        if case .targetPercent = sizing { return true }
        return side == .buy
    }

    var isTarget: Bool {
        if case .targetPercent = sizing { return true }
        return false
    }
}
