import Service
import Storage

/// One run's report, the comparison of runs and the downloads (HTML, CSV, xlsx).
struct ReportPages: Sendable {
    let tasks: TaskManager
    let store: MarketDataStore

    var routes: [WebRoute] {
        []
    }
}
