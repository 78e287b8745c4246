/// How strictly an import treats bad rows, and what it validates against.
public struct ImportOptions: Sendable {
    /// False (the default): the first invalid row fails the whole import. True: invalid rows are
    /// left out and each one is listed in `ImportReport.skippedRows` (never silently).
    /// Problems with a whole file (unreadable, unknown header, missing column, truncated `.day`)
    /// fail the import either way.
    public var skipInvalidRows: Bool
    /// The trading calendar bars are checked against when the import itself holds no calendar
    /// file. A calendar file in the import wins (and is the one stored in the result).
    public var calendar: TradingCalendar?
    /// Parse files on all cores (the result is the same either way; off helps when profiling).
    public var parallel: Bool

    public init(skipInvalidRows: Bool = false, calendar: TradingCalendar? = nil, parallel: Bool = true) {
        self.skipInvalidRows = skipInvalidRows
        self.calendar = calendar
        self.parallel = parallel
    }
}
