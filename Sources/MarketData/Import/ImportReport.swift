/// What an import read and what it left out. Returned with the data, so leniency is never silent.
public struct ImportReport: Sendable, Equatable {
    /// One imported file.
    public struct FileSummary: Sendable, Equatable {
        /// The file as named in messages (relative to the imported directory).
        public var file: String
        public var kind: DataFileKind
        /// Rows (or `.day` records) kept.
        public var rowCount: Int
    }

    /// A file a directory import did not read, and why.
    public struct SkippedFile: Sendable, Equatable {
        public var file: String
        public var reason: String
    }

    /// Files read, in path order.
    public var files: [FileSummary] = []
    /// Rows left out under `ImportOptions.skipInvalidRows`, each with file, line, field and reason.
    public var skippedRows: [DataImportError] = []
    /// Files a directory import could not recognise.
    public var skippedFiles: [SkippedFile] = []

    public init() {}
}

/// An imported data set with the report of how it was read.
public struct ImportResult: Sendable {
    public var data: MarketDataSet
    public var report: ImportReport

    public init(data: MarketDataSet, report: ImportReport) {
        self.data = data
        self.report = report
    }
}
