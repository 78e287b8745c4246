import HuiceCore

/// Cash and open positions. Positions are kept in opening order in a compact array, with a slot
/// table from instrument number to array index for O(1) look-up (raw memory, freed by `release`).
struct Account: ~Copyable {
    var cash: Money
    private(set) var positions: [OpenPosition] = []
    private let slot: UnsafeMutablePointer<Int32>
    /// Whether any position carries a per-signal stop or target price.
    private(set) var hasSignalExits = false

    init(cash: Money, instrumentCount: Int) {
        self.cash = cash
        slot = .allocate(capacity: max(instrumentCount, 1))
        slot.initialize(repeating: -1, count: max(instrumentCount, 1))
    }

    func release() { slot.deallocate() }

    @inline(__always) func index(of instrument: Int) -> Int? {
        let i = slot[instrument]
        return i >= 0 ? Int(i) : nil
    }

    @inline(__always) func position(_ instrument: Int) -> OpenPosition? {
        index(of: instrument).map { positions[$0] }
    }

    mutating func update(_ instrument: Int, _ body: (inout OpenPosition) -> Void) {
        guard let i = index(of: instrument) else { return }
        body(&positions[i])
        if positions[i].shares == 0 { remove(at: i) }
    }

    mutating func open(_ position: OpenPosition) {
        precondition(slot[position.instrument] < 0, "position already open")
        slot[position.instrument] = Int32(positions.count)
        positions.append(position)
        if position.stopPrice != nil || position.targetPrice != nil { hasSignalExits = true }
    }

    private mutating func remove(at i: Int) {
        slot[positions[i].instrument] = -1
        positions.remove(at: i)
        for j in i..<positions.count { slot[positions[j].instrument] = Int32(j) }
        hasSignalExits = positions.contains { $0.stopPrice != nil || $0.targetPrice != nil }
    }
}

/// One held stock.
struct OpenPosition {
    let instrument: Int
    var shares: Int
    /// Shares bought in a session whose settlement has not yet made them sellable.
    var lockedShares: Int
    /// The session from which `lockedShares` may be sold.
    var unlockSession: Int
    /// Σ buy amounts of the held shares, fees excluded: cost_price = costAmount / shares.
    var costAmount: Money
    /// Σ (buy amount + buy fees) of the held shares: the basis of realised pnl.
    var costBasis: Money
    /// Execute session of the buy that opened the position.
    let entrySession: Int
    /// The opening order's tag (signal provenance), carried onto the exit's records.
    let tagIndex: Int
    /// Per-signal exit prices from the opening order's tag.
    let stopPrice: Price?
    let targetPrice: Price?

    @inline(__always) func sellableShares(inSession session: Int) -> Int {
        session >= unlockSession ? shares : shares - lockedShares
    }

    /// Average fill price without fees, in price units (fractional).
    var costPriceUnits: Double { shares > 0 ? Double(costAmount.fen) * 100 / Double(shares) : 0 }
}
