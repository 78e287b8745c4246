import Metrics

/// The swift-metrics instruments of the task queue. Each is looked up through the metrics system
/// when used, so a backend bootstrapped after the manager was made (the server's Prometheus
/// registry) still receives them.
enum TaskMetrics {
    static func recordRun(nanoseconds: Int64) {
        Timer(label: "huice_task_run_duration_seconds", preferredDisplayUnit: .seconds).recordNanoseconds(nanoseconds)
    }

    static func recordTransition(to state: TaskState) {
        Counter(label: "huice_task_transitions_total", dimensions: [("to", state.rawValue)]).increment()
    }

    static func recordStates(_ counts: [TaskState: Int]) {
        for state in TaskState.allCases {
            Gauge(label: "huice_tasks", dimensions: [("state", state.rawValue)]).record(counts[state] ?? 0)
        }
        Gauge(label: "huice_queue_length").record(counts[.queued] ?? 0)
    }
}
