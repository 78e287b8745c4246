import HuiceCore
import Simulation

/// Buys every instrument of the universe at the first open with an equal share of the initial
/// equity and holds to the end.
public struct BuyAndHold: Strategy {
    private var submitted = false

    public init() {}

    public mutating func onClose(_ context: inout StrategyContext) {
        guard !submitted else { return }
        submitted = true
        let count = context.instrumentCount
        guard count > 0 else { return }
        for instrument in 0..<count {
            context.submit(.buy(instrument, .percentOfEquity(1 / Double(count))))
        }
    }
}
