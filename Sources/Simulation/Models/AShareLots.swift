import HuiceCore

/// A-share quantity rules: buys in multiples of 100 shares; on STAR at least 200 then 1-share
/// steps; on BSE at least 100 then 1-share steps. Sells likewise, except that an odd remainder
/// may be sold only by selling the whole position.
public struct AShareLots: LotSizeModel {
    public init() {}

    /// (minimum, step) of a buy on the instrument's board.
    public static func buyRule(for board: Board) -> (minimum: Int, step: Int) {
        switch board {
        case .star: (200, 1)
        case .bse: (100, 1)
        default: (100, 100)
        }
    }

    public func roundBuy(_ shares: Int, board: Board) -> Int {
        let rule = Self.buyRule(for: board)
        guard shares >= rule.minimum else { return 0 }
        return rule.step == 1 ? shares : (shares / rule.step) * rule.step
    }

    public func stepDown(_ shares: Int, board: Board) -> Int {
        let rule = Self.buyRule(for: board)
        return roundBuy(shares - rule.step, board: board)
    }

    public func roundSell(_ shares: Int, sellable: Int, held: Int, board: Board) -> Int {
        let wanted = min(shares, sellable)
        if wanted == held { return held }  // selling the whole position: odd lots allowed
        return roundBuy(wanted, board: board)
    }
}
