/// The derived view of one run: metrics, equity curve, round trips and the return series they
/// came from. Codable with snake_case keys; every non-finite number encodes as `null`.
public struct PerformanceReport: Sendable, Codable {
    public var metrics: BacktestMetrics
    /// One point per ledger entry.
    public var equityCurve: [EquityPoint]
    /// Closed round trips, in the order they closed.
    public var roundTrips: [RoundTrip]
    /// Positions still open after the last record, in the order they opened; not in the trade
    /// statistics.
    public var openTrips: [OpenTrip]
    /// One per ledger entry; the first against the initial cash.
    public var dailyReturns: [Double]
    /// One per ledger entry, the first from the benchmark's previous close; nil without benchmark.
    public var benchmarkReturns: [Double]?
    public var benchmarkCode: String?

    public init(metrics: BacktestMetrics, equityCurve: [EquityPoint], roundTrips: [RoundTrip],
                openTrips: [OpenTrip], dailyReturns: [Double], benchmarkReturns: [Double]?,
                benchmarkCode: String?) {
        self.metrics = metrics
        self.equityCurve = equityCurve
        self.roundTrips = roundTrips
        self.openTrips = openTrips
        self.dailyReturns = dailyReturns
        self.benchmarkReturns = benchmarkReturns
        self.benchmarkCode = benchmarkCode
    }

    enum CodingKeys: String, CodingKey {
        case metrics
        case equityCurve = "equity_curve"
        case roundTrips = "round_trips"
        case openTrips = "open_trips"
        case dailyReturns = "daily_returns"
        case benchmarkReturns = "benchmark_returns"
        case benchmarkCode = "benchmark_code"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metrics = try c.decode(BacktestMetrics.self, forKey: .metrics)
        equityCurve = try c.decode([EquityPoint].self, forKey: .equityCurve)
        roundTrips = try c.decode([RoundTrip].self, forKey: .roundTrips)
        openTrips = try c.decodeIfPresent([OpenTrip].self, forKey: .openTrips) ?? []
        dailyReturns = try c.decodeFiniteArray(forKey: .dailyReturns)
        if c.contains(.benchmarkReturns), try !c.decodeNil(forKey: .benchmarkReturns) {
            benchmarkReturns = try c.decodeFiniteArray(forKey: .benchmarkReturns)
        } else {
            benchmarkReturns = nil
        }
        benchmarkCode = try c.decodeIfPresent(String.self, forKey: .benchmarkCode)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(equityCurve, forKey: .equityCurve)
        try c.encode(roundTrips, forKey: .roundTrips)
        try c.encode(openTrips, forKey: .openTrips)
        try c.encodeFinite(dailyReturns, forKey: .dailyReturns)
        if let benchmarkReturns {
            try c.encodeFinite(benchmarkReturns, forKey: .benchmarkReturns)
        } else {
            try c.encodeNil(forKey: .benchmarkReturns)
        }
        try c.encode(benchmarkCode, forKey: .benchmarkCode)
    }
}
