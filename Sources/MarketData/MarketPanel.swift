import HuiceCore

/// The market as one run sees it: a fixed universe of instruments numbered 0..<count (in the order
/// given, normally sorted by code), their bars in `columns` (including history before the first
/// session, for look-backs), and the run's timeline of sessions. Built once per run; read-only.
///
/// Bars are indexed by session in compressed form (`sessionBarStart`, `barInstrument`, `barRow`):
/// session `s` lists, for each instrument whose series advanced since session `s - 1`, the newest
/// global row at or before `sessions[s]`. The engine walks only those entries, so a session costs
/// the number of stocks that traded, not the size of the universe.
public struct MarketPanel: Sendable {
    public let instruments: [Instrument]
    public let columns: BarColumns
    /// The run's sessions, ascending: trading days (time 00:00:00) or intraday bar times.
    public let sessions: [BarTime]
    /// For each session, the index of its day among the distinct days of `sessions` (equal to the
    /// session index for daily timelines). Trading-day counts use it.
    public let sessionDay: [Int32]
    /// The exchange calendar when one was given (limits count listing days with it).
    public let calendar: TradingCalendar?
    public let limits: PriceLimitTable

    public let sessionBarStart: [Int32]
    public let barInstrument: [Int32]
    /// Global rows into `columns`.
    public let barRow: [Int]
    /// Per instrument, the global row of its newest bar before the first session, or
    /// `columns.start[i] - 1` when it has none.
    public let initialRow: [Int]

    /// Builds the panel for `codes` over `sessions`; `calendar` (default: the data's) is the
    /// exchange calendar the run decided on, which counts listing days for the price limits.
    /// - Bars on days in the data's suspension list are removed: a suspended stock does not trade,
    ///   whatever a vendor wrote for the day.
    /// - Bars after the last session are dropped (the run cannot see them anyway).
    public init(data: MarketDataSet, codes: [StockCode], sessions: [BarTime], calendar: TradingCalendar? = nil) {
        precondition(zip(sessions, sessions.dropFirst()).allSatisfy { $0 < $1 }, "sessions must ascend")
        self.sessions = sessions
        self.calendar = calendar ?? data.calendar
        limits = data.limits
        instruments = codes.map { data.instrument($0) }
        let lastTime = sessions.last
        let series: [BarSeries] = codes.map { code in
            var s = data.series[code] ?? BarSeries(code: code)
            if let lastTime, let last = s.lastTime, last > lastTime {
                s = s.keeping(0..<s.firstIndex(atOrAfter: BarTime(rawValue: lastTime.rawValue + 1)!))
            }
            let suspended = data.suspensions.days(for: code)
            if !suspended.isEmpty {
                let set = Set(suspended)
                s = s.keeping((0..<s.count).filter { !set.contains(s.times[$0].day) })
            }
            return s
        }
        columns = BarColumns(series: series)

        var dayIndex: [Int32] = []
        dayIndex.reserveCapacity(sessions.count)
        var currentDay: TradingDay?
        var d: Int32 = -1
        for t in sessions {
            if t.day != currentDay { d += 1; currentDay = t.day }
            dayIndex.append(d)
        }
        sessionDay = dayIndex

        // Map each instrument's rows onto sessions: a row belongs to the first session at or after
        // its time; only the newest row per (session, instrument) is kept.
        var counts = [Int32](repeating: 0, count: sessions.count + 1)
        var entries: [(session: Int32, instrument: Int32, row: Int)] = []
        entries.reserveCapacity(columns.rowCount)
        var initial: [Int] = []
        initial.reserveCapacity(series.count)
        let times = columns.times
        for instrument in 0..<series.count {
            let range = columns.rows(of: instrument)
            guard let firstSession = sessions.first else { initial.append(range.upperBound - 1); continue }
            var row = range.lowerBound
            while row < range.upperBound && times[row] < firstSession { row += 1 }
            initial.append(row - 1)
            var session = 0
            while row < range.upperBound {
                while session < sessions.count && sessions[session] < times[row] { session += 1 }
                if session == sessions.count { break }
                var newest = row
                while newest + 1 < range.upperBound && times[newest + 1] <= sessions[session] { newest += 1 }
                entries.append((Int32(session), Int32(instrument), newest))
                counts[session] += 1
                row = newest + 1
            }
        }
        initialRow = initial
        var start = [Int32](repeating: 0, count: sessions.count + 1)
        for i in 0..<sessions.count { start[i + 1] = start[i] + counts[i] }
        var fill = start
        var instrumentOfBar = [Int32](repeating: 0, count: entries.count)
        var rowOfBar = [Int](repeating: 0, count: entries.count)
        for e in entries {
            let k = Int(fill[Int(e.session)])
            instrumentOfBar[k] = e.instrument
            rowOfBar[k] = e.row
            fill[Int(e.session)] += 1
        }
        sessionBarStart = start
        barInstrument = instrumentOfBar
        barRow = rowOfBar
    }

    @inlinable public var instrumentCount: Int { instruments.count }
    @inlinable public var sessionCount: Int { sessions.count }

    /// The instrument number of `code`, or nil when it is not in this panel.
    public func instrumentIndex(of code: StockCode) -> Int? { instruments.firstIndex { $0.code == code } }

    /// Instrument `i`'s bars as a series value (all of them, or those before global row `end`).
    public func series(_ instrument: Int, upToRow end: Int? = nil) -> BarSeries {
        columns.series(of: instrument, code: instruments[instrument].code, upTo: end)
    }

    /// Number of trading days from session `from` to session `to` (0 on the same day).
    @inlinable public func tradingDays(fromSession from: Int, toSession to: Int) -> Int {
        Int(sessionDay[to] - sessionDay[from])
    }

    /// The first session on a later day than session `s` (sessionCount when none): when shares
    /// bought in session `s` become sellable under T+1.
    public func firstSessionOfNextDay(after s: Int) -> Int {
        var next = s + 1
        while next < sessions.count && sessionDay[next] == sessionDay[s] { next += 1 }
        return next
    }
}
