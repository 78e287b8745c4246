import Service
import ServiceLifecycle

/// Runs the task manager for as long as the server runs: starts its workers, waits for the
/// graceful shutdown (SIGINT/SIGTERM), then stops them (`shutdown()` puts running tasks back in
/// the queue for the next start). The HTTP server is listed after it, so it stops first.
struct TaskManagerService: ServiceLifecycle.Service {
    let manager: TaskManager

    func run() async throws {
        try await manager.start()
        // Returns on graceful shutdown; throws CancellationError when the group is cancelled,
        // in which case the workers must be stopped all the same.
        try? await gracefulShutdown()
        await manager.shutdown()
    }
}
