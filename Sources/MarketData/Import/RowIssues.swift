/// The strict-or-lenient decision for invalid rows, in one place: strict throws the first
/// problem, lenient records it and lets the reader drop the row.
struct RowIssues {
    let skipsInvalidRows: Bool
    private(set) var skipped: [DataImportError] = []

    init(skipsInvalidRows: Bool) { self.skipsInvalidRows = skipsInvalidRows }

    /// Throws `problem` when strict; records it when lenient (the caller then skips the row).
    mutating func reject(_ problem: DataImportError) throws(DataImportError) {
        guard skipsInvalidRows else { throw problem }
        skipped.append(problem)
    }
}

extension RowIssues {
    /// The value of `result`, or nil after rejecting its error (strict: throws).
    mutating func accept<Value>(_ result: Result<Value, DataImportError>) throws(DataImportError) -> Value? {
        switch result {
        case .success(let value): return value
        case .failure(let problem):
            try reject(problem)
            return nil
        }
    }
}
