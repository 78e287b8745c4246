/// What the engine knows about a security beyond its bars: board, name, industry, listing and
/// the periods in which it carried an ST / *ST tag (5% price limit on the main board).
public struct Instrument: Hashable, Sendable, Codable {
    public var code: StockCode
    public var name: String
    public var board: Board
    public var industry: String
    public var listDate: TradingDay?
    public var delistDate: TradingDay?
    /// Closed periods `[start, end]` in which the stock was ST; `end` nil means still ST.
    public var specialTreatment: [SpecialTreatmentPeriod]

    public init(
        code: StockCode, name: String = "", board: Board? = nil, industry: String = "",
        listDate: TradingDay? = nil, delistDate: TradingDay? = nil,
        specialTreatment: [SpecialTreatmentPeriod] = []
    ) {
        self.code = code
        self.name = name
        self.board = board ?? code.inferredBoard
        self.industry = industry
        self.listDate = listDate
        self.delistDate = delistDate
        self.specialTreatment = specialTreatment
    }

    /// An instrument known only by its code: board from the prefix, never ST.
    public static func inferred(_ code: StockCode) -> Instrument { Instrument(code: code) }

    /// Whether the stock was ST on `day`.
    public func isSpecialTreatment(on day: TradingDay) -> Bool {
        specialTreatment.contains { $0.contains(day) }
    }

    /// The price tick of the instrument's board.
    public var tick: Price { board.tick }
}

/// A period of ST / *ST treatment, inclusive at both ends.
public struct SpecialTreatmentPeriod: Hashable, Sendable, Codable {
    public var start: TradingDay
    public var end: TradingDay?

    public init(start: TradingDay, end: TradingDay?) {
        self.start = start
        self.end = end
    }

    public func contains(_ day: TradingDay) -> Bool { day >= start && (end.map { day <= $0 } ?? true) }
}
