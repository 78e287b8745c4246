/// Which version of a restated value a point-in-time query serves.
public enum FactorVintage: String, Sendable, Codable, CaseIterable {
    /// What a user saw on the day: among the values published by then, the latest period, in its
    /// latest version published by then. historical_simulation mode.
    case asPublished = "as_published"
    /// Each period's final (latest) version, visible from the period's first publication: today's
    /// restated numbers with the original timing, so no look-ahead in *when* a period is known,
    /// only in its revised value. model_validation mode uses it for factors it cannot recompute.
    case latestRevision = "latest_revision"
}
