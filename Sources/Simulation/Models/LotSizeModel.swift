import HuiceCore

/// Order quantity rules.
public protocol LotSizeModel: Sendable {
    /// The largest allowed buy quantity not above `shares` (0 when none is allowed).
    func roundBuy(_ shares: Int, board: Board) -> Int
    /// The allowed buy quantity one step below `shares`, which is itself allowed (0 when none).
    func stepDown(_ shares: Int, board: Board) -> Int
    /// The allowed sell quantity for a wish to sell `shares` when `sellable` of the `held` shares
    /// may be sold today (0 when none).
    func roundSell(_ shares: Int, sellable: Int, held: Int, board: Board) -> Int
}

/// Any whole number of shares (the generic profile).
public struct WholeShareLots: LotSizeModel {
    public init() {}
    public func roundBuy(_ shares: Int, board: Board) -> Int { max(0, shares) }
    public func stepDown(_ shares: Int, board: Board) -> Int { max(0, shares - 1) }
    public func roundSell(_ shares: Int, sellable: Int, held: Int, board: Board) -> Int {
        max(0, min(shares, sellable))
    }
}
