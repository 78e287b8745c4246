import HuiceCore
import Simulation

/// A test double: runs the closure registered for a session at that session's close, and keeps
/// every order event it hears about.
public struct ScriptedStrategy: Strategy {
    public typealias Step = (inout StrategyContext) -> Void
    public var steps: [Int: Step]
    public private(set) var events: [OrderEvent] = []
    public private(set) var submissions: [OrderSubmission] = []

    public init(_ steps: [Int: Step]) { self.steps = steps }

    public mutating func onClose(_ context: inout StrategyContext) {
        steps[context.session]?(&context)
    }

    public mutating func onOrderEvent(_ event: OrderEvent, _ context: inout StrategyContext) {
        events.append(event)
    }
}
