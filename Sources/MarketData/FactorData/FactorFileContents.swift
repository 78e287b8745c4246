import HuiceCore

/// What one factor file contributed before the files are merged: its observations with their
/// places (for conflict messages) and what the summary reports about its columns.
struct FactorFileContents: Sendable {
    /// An observation and where it came from.
    struct Row: Sendable {
        var observation: FactorObservation
        var line: Int32
        /// The header column the value came from.
        var column: Int16
        /// Tushare's `update_flag` (0 when absent): of two rows with the same key, the higher wins.
        var updateFlag: Int8
    }

    var file: String
    var kind: FactorFileKind
    var header: [String]
    var rows: [Row] = []
    /// Data rows read (not counting blank lines and the header).
    var rowCount = 0
    /// Value cells left empty (no observation).
    var emptyCells = 0
    /// Which column feeds which factor, in header order.
    var columns: [FactorImportReport.ColumnUse] = []
    /// Header columns that feed nothing, each with why (`pe (pe_ratio is read from pe_ttm)`).
    var ignoredColumns: [String] = []
    var skippedRows: [DataImportError] = []

    init(file: String, kind: FactorFileKind, header: [String]) {
        self.file = file
        self.kind = kind
        self.header = header
    }

    func columnName(_ index: Int16) -> String {
        header.indices.contains(Int(index)) ? header[Int(index)] : "?"
    }
}
