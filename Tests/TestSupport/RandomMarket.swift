import HuiceCore
import MarketData

/// A seeded random market for property tests: a few stocks from several boards over a few dozen
/// weekdays, prices on each instrument's tick (0.01 for A-share codes, 0.0001 for other tickers)
/// walking inside the daily limit band, some opens exactly at limit-up or limit-down (some
/// one-price limit days), tiny and zero volumes, late listings and suspended days (no bar).
///
/// It keeps its own copy of every bar so that tests can value holdings without the engine.
public struct RandomMarket {
    public let seed: UInt64
    public private(set) var fixture: MarketFixture
    /// The instruments in panel order (sorted codes).
    public let codes: [StockCode]
    /// `bars[i][d]`: instrument i's bar on day d, nil when it has none (not yet listed, suspended).
    public let bars: [[Quote?]]

    /// A-share codes on every board the lot and limit rules distinguish.
    public static let ashareCodes = [
        "600000.SH", "601318.SH", "000001.SZ", "002594.SZ", "300750.SZ", "688981.SH", "688111.SH", "430047.BJ",
        "830799.BJ",
    ]
    /// Generic-profile tickers (board `other`, tick 0.0001).
    public static let otherTickers = ["AAPL", "MSFT"]

    public init(seed: UInt64, stocks: ClosedRange<Int> = 3...6, days: ClosedRange<Int> = 20...40,
                includeOtherTickers: Bool = false) {
        self.seed = seed
        var rng = SplitMix64(seed: seed ^ 0x5EED_0F_4A2B)
        let dayCount = rng.int(days)
        var fixture = MarketFixture(count: dayCount)
        let pool = RandomMarket.ashareCodes + (includeOtherTickers ? RandomMarket.otherTickers : [])
        let chosen = rng.sample(pool, count: min(pool.count, rng.int(stocks)))
            .map { StockCode(normalizing: $0)! }.sorted()
        var allBars: [[Quote?]] = []
        for code in chosen {
            let quotes = RandomMarket.walk(code: code, days: fixture.days, rng: &rng)
            fixture.add(code.description, bars: quotes)
            allBars.append(quotes)
        }
        self.fixture = fixture
        codes = chosen
        bars = allBars
    }

    public var days: [TradingDay] { fixture.days }

    public func panel() -> MarketPanel { fixture.panel() }

    /// The close of instrument `i`'s newest bar on or before day `d` (nil before its first bar).
    public func lastClose(_ i: Int, atOrBefore d: Int) -> Price? {
        var day = d
        while day >= 0 {
            if let bar = bars[i][day] { return bar.close }
            day -= 1
        }
        return nil
    }

    private static func walk(code: StockCode, days: [TradingDay], rng: inout SplitMix64) -> [Quote?] {
        let board = code.inferredBoard
        let tick = Instrument.inferred(code).tick
        let listing = rng.chance(0.2) ? rng.int(1...max(1, days.count / 3)) : 0
        let suspension = rng.pick([0.0, 0.03, 0.1])
        var quotes: [Quote?] = []
        var last: Price?
        var suspendedYesterday = false
        var price = Price(units: rng.int64(200...8_000) * 100)
        for (d, day) in days.enumerated() {
            let suspended = d > listing && (rng.chance(suspension) || (suspendedYesterday && rng.chance(0.5)))
            suspendedYesterday = suspended
            if d < listing || suspended {
                quotes.append(nil)
                continue
            }
            let band = last.flatMap {
                PriceLimitRule.band(reference: $0, board: board, isST: false, day: day, tradingDayOfListing: nil)
            }
            func fit(_ p: Price) -> Price {
                var p = p.rounded(toTick: tick)
                if let band { p = min(max(p, band.down), band.up) }
                return max(p, tick)
            }
            func scaled(_ p: Price, _ factor: Double) -> Price {
                Price(units: Int64((Double(p.units) * factor).rounded()))
            }
            let reference = last ?? price
            let event = rng.unit()
            let open: Price
            if let band, event < 0.05 {
                open = band.up
            } else if let band, event < 0.10 {
                open = band.down
            } else {
                open = fit(scaled(reference, 1 + rng.double(-0.03, 0.03)))
            }
            var close = fit(scaled(open, 1 + rng.double(-0.05, 0.05)))
            var high = fit(scaled(max(open, close), 1 + rng.double(0, 0.02)))
            var low = fit(scaled(min(open, close), 1 - rng.double(0, 0.02)))
            if band != nil, event < 0.10, rng.chance(0.5) {  // a one-price limit day
                close = open
                high = open
                low = open
            }
            high = max(high, open, close)
            low = min(low, open, close)
            let volume: Int64 = rng.chance(0.08) ? rng.int64(0...2_000) : rng.int64(20_000...5_000_000)
            quotes.append(Quote(open: open, high: high, low: low, close: close, volume: volume))
            last = close
            price = close
        }
        return quotes
    }
}
