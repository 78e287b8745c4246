import SQLKit

/// Schema v5: an index on `backtest_tasks (completed_at)`. A running batch's status estimates its
/// completion from the most recently finished tasks (`recentExecutionMilliseconds`), a query made
/// on every status request; without the index it sorts the whole task table each time, which
/// grows with every batch ever run.
struct IndexTaskCompletion: SchemaMigration {
    let version = 5
    let name = "backtest_tasks_completed_at"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(index: "idx_backtest_tasks_completed_at").on(BacktestTaskTable.tasks).column("completed_at").run()
    }
}
