import Runtime

extension TaskManager {
    /// The config a task runs with: its snapshot, fixed when the batch was created, decoded as a
    /// worker decodes it. A report reads it for what the results do not carry (the benchmark, fees,
    /// slippage, risk limits, the strategy's parameters); it does not change after creation, so it
    /// describes a completed run exactly. `.notFound` for an unknown task; a snapshot that no
    /// longer decodes throws the decoder's `ConfigError`.
    public func taskConfig(taskID: String) async throws -> EffectiveConfig {
        guard let task = try await repository.task(id: taskID) else { throw ServiceError.notFound(kind: "task", id: taskID) }
        return try TaskConfigSnapshot.decode(task.config)
    }
}
