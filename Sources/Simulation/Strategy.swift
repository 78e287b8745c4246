import HuiceCore

/// A trading strategy. The engine calls it after each session's close with a context that shows
/// only the past (bars and indicators up to that close), the account, and accepts orders for the
/// next session.
///
/// Strategies are value types; the engine owns the only copy during a run, so `mutating` state is
/// cheap. All hooks but `onClose` have empty defaults.
public protocol Strategy {
    /// Before the first session: register indicators, read the universe.
    mutating func start(_ context: inout StrategyContext)
    /// After the close of each session, in order.
    mutating func onClose(_ context: inout StrategyContext)
    /// After each order attempt the broker executed in this session (fills and rejections).
    mutating func onOrderEvent(_ event: OrderEvent, _ context: inout StrategyContext)
    /// After the last session.
    mutating func finish(_ context: inout StrategyContext)
}

extension Strategy {
    public mutating func start(_ context: inout StrategyContext) {}
    public mutating func onOrderEvent(_ event: OrderEvent, _ context: inout StrategyContext) {}
    public mutating func finish(_ context: inout StrategyContext) {}
}
