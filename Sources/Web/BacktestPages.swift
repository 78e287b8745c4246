import Factors
import Service
import Storage

/// The backtest section's routes: the task list, the batch form and the batch page with live
/// progress, cancel and retry. Every rule is the task manager's (the same parsing as the API).
struct BacktestPages: Sendable {
    let tasks: TaskManager
    let store: MarketDataStore
    let factorConfigs: FactorConfigManager

    var routes: [WebRoute] {
        []
    }
}
