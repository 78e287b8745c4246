/// Which factor an imported column or a factor name in a file stands for: the importer's view of
/// the factor registry.
///
/// MarketData sits below Factors and cannot see `FactorRegistry`, so the importer takes this map
/// as a value; `FactorRegistry.columnMap` (in Factors) builds it from the registry, and
/// `FactorDataImporter.importFiles(_:)` there uses it. Tests can pass a small hand-made map.
public struct FactorColumnMap: Sendable, Equatable {
    /// One factor: its canonical name, other accepted names, and the columns that carry it in
    /// wide files, in order of preference.
    public struct Factor: Sendable, Equatable {
        public var name: String
        public var aliases: [String]
        public var columns: [String]

        public init(name: String, aliases: [String] = [], columns: [String] = []) {
            self.name = name
            self.aliases = aliases
            self.columns = columns
        }
    }

    public let factors: [Factor]
    /// Lower-cased column name → (factor index, preference rank).
    private let byColumn: [String: (factor: Int, rank: Int)]
    /// Lower-cased name or alias → factor index.
    private let byName: [String: Int]

    /// A column claimed by two factors is a programming error (the registry test checks it).
    public init(_ factors: [Factor]) {
        self.factors = factors
        var byColumn: [String: (factor: Int, rank: Int)] = [:]
        var byName: [String: Int] = [:]
        for (index, factor) in factors.enumerated() {
            for (rank, column) in factor.columns.enumerated() {
                precondition(byColumn[column.lowercased()] == nil, "column '\(column)' is claimed by two factors")
                byColumn[column.lowercased()] = (index, rank)
            }
            for name in [factor.name] + factor.aliases where byName[name.lowercased()] == nil {
                byName[name.lowercased()] = index
            }
        }
        self.byColumn = byColumn
        self.byName = byName
    }

    /// The canonical name of the factor called `name` (or one of its aliases), case-insensitive.
    public func canonicalName(_ name: some StringProtocol) -> String? {
        byName[name.lowercased()].map { factors[$0].name }
    }

    /// The factor a wide file's column carries and the column's preference rank (0 = first choice).
    public func factor(forColumn column: some StringProtocol) -> (name: String, rank: Int)? {
        byColumn[column.lowercased()].map { (factors[$0.factor].name, $0.rank) }
    }

    /// Canonical names, in map order.
    public var names: [String] { factors.map(\.name) }

    /// Every column some factor reads, lower-cased.
    public var columns: Set<String> { Set(byColumn.keys) }

    public static func == (lhs: FactorColumnMap, rhs: FactorColumnMap) -> Bool { lhs.factors == rhs.factors }
}
