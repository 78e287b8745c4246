/// What a factor import read, what each column became, and what it left out. Returned with the
/// data, so nothing is dropped silently.
public struct FactorImportReport: Sendable, Equatable {
    /// One column of a wide file and the factor it feeds.
    public struct ColumnUse: Sendable, Equatable {
        public var column: String
        public var factor: String

        public init(column: String, factor: String) {
            self.column = column
            self.factor = factor
        }
    }

    /// One imported file.
    public struct FileSummary: Sendable, Equatable {
        /// The file as named in messages.
        public var file: String
        public var kind: FactorFileKind
        /// Data rows read (blank lines and the header not counted; skipped rows included).
        public var rowCount: Int
        /// Observations the file gave (sentiment: after averaging a day's rows) before merging.
        public var observationCount: Int
        /// Value cells left empty: no observation, not an error.
        public var emptyCells: Int
        /// Which column feeds which factor (wide files; empty for the long format).
        public var columns: [ColumnUse]
        /// Columns read by nothing, each with the reason when it is not obvious
        /// (`pe (pe_ratio is read from pe_ttm)`).
        public var ignoredColumns: [String]
    }

    /// A file a directory import did not read, and why.
    public struct SkippedFile: Sendable, Equatable {
        public var file: String
        public var reason: String
    }

    /// Files read, in path order.
    public var files: [FileSummary] = []
    /// Rows left out under `FactorImportOptions.skipInvalidRows`, each with file, line, field, reason.
    public var skippedRows: [DataImportError] = []
    /// Files under an imported directory that hold no factor data.
    public var skippedFiles: [SkippedFile] = []
    /// Rows repeating an observation with the same value (a re-download overlap): kept once.
    public var duplicateCount = 0
    /// Observations replaced by a row with the same key and a higher Tushare `update_flag`.
    public var supersededCount = 0

    public init() {}
}

/// Imported factor data with the report of how it was read.
public struct FactorImportResult: Sendable {
    public var data: FactorDataSet
    public var report: FactorImportReport

    public init(data: FactorDataSet, report: FactorImportReport) {
        self.data = data
        self.report = report
    }
}

/// How strictly a factor import treats bad rows.
public struct FactorImportOptions: Sendable {
    /// False (the default): the first invalid row fails the import. True: invalid rows are left
    /// out and listed in `FactorImportReport.skippedRows`. File-level problems (unreadable file,
    /// unknown header, missing column) fail either way.
    public var skipInvalidRows: Bool
    /// Parse files on all cores (the result is the same either way).
    public var parallel: Bool

    public init(skipInvalidRows: Bool = false, parallel: Bool = true) {
        self.skipInvalidRows = skipInvalidRows
        self.parallel = parallel
    }
}
