import HuiceCore

/// The market as one run sees it: a fixed universe of instruments numbered 0..<count, their bar
/// series (including history before the first session, for look-backs), and the run's timeline
/// of sessions. Built once per run; read-only afterwards.
///
/// Bars are indexed by session in compressed form (`sessionBarStart`, `barInstrument`, `barRow`):
/// session `s` lists, for each instrument whose series advanced since session `s - 1`, the newest
/// row at or before `sessions[s]`. The engine walks only those entries, so a session costs the
/// number of stocks that traded, not the size of the universe.
public struct MarketPanel: Sendable {
    public let instruments: [Instrument]
    public let series: [BarSeries]
    /// The run's sessions, ascending: trading days (time 00:00:00) or intraday bar times.
    public let sessions: [BarTime]
    /// For each session, the index of its day among the distinct days of `sessions`
    /// (equal to the session index for daily timelines). Trading-day counts use it.
    public let sessionDay: [Int32]
    /// The exchange calendar when one was given (limits count listing days with it).
    public let calendar: TradingCalendar?
    public let limits: PriceLimitTable

    public let sessionBarStart: [Int32]
    public let barInstrument: [Int32]
    public let barRow: [Int32]
    /// Per instrument, the newest row before the first session (-1 when none): look-back history.
    public let initialRow: [Int32]

    /// Builds the panel for `codes` over `sessions`.
    /// - Bars on days in `suspensions` are removed: a suspended stock does not trade, whatever a
    ///   vendor wrote for the day.
    /// - Bars after the last session are dropped (the run cannot see them anyway).
    public init(
        data: MarketDataSet, codes: [StockCode], sessions: [BarTime]
    ) {
        precondition(zip(sessions, sessions.dropFirst()).allSatisfy { $0 < $1 }, "sessions must ascend")
        self.sessions = sessions
        calendar = data.calendar
        limits = data.limits
        instruments = codes.map { data.instrument($0) }
        let lastTime = sessions.last
        series = codes.map { code in
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

        var dayIndex: [Int32] = []
        dayIndex.reserveCapacity(sessions.count)
        var currentDay: TradingDay?
        var d: Int32 = -1
        for t in sessions {
            if t.day != currentDay { d += 1; currentDay = t.day }
            dayIndex.append(d)
        }
        sessionDay = dayIndex

        // Map each instrument's rows onto sessions: row r belongs to the first session >= its time;
        // only the newest row per (session, instrument) is kept.
        var counts = [Int32](repeating: 0, count: sessions.count + 1)
        var perInstrument: [[(session: Int32, row: Int32)]] = []
        var initial: [Int32] = []
        perInstrument.reserveCapacity(series.count)
        for s in series {
            var entries: [(session: Int32, row: Int32)] = []
            guard let firstSession = sessions.first else {
                perInstrument.append(entries); initial.append(Int32(s.count) - 1); continue
            }
            let firstRow = s.firstIndex(atOrAfter: firstSession)
            initial.append(Int32(firstRow) - 1)
            var session = 0
            var row = firstRow
            while row < s.count {
                let t = s.times[row]
                while session < sessions.count && sessions[session] < t { session += 1 }
                if session == sessions.count { break }
                // Skip to the newest row that maps to this session.
                var newest = row
                while newest + 1 < s.count && s.times[newest + 1] <= sessions[session] { newest += 1 }
                entries.append((Int32(session), Int32(newest)))
                counts[session] += 1
                row = newest + 1
            }
            perInstrument.append(entries)
        }
        initialRow = initial
        var start = [Int32](repeating: 0, count: sessions.count + 1)
        for i in 0..<sessions.count { start[i + 1] = start[i] + counts[i] }
        var fill = start
        let total = Int(start[sessions.count])
        var instrumentOfBar = [Int32](repeating: 0, count: total)
        var rowOfBar = [Int32](repeating: 0, count: total)
        for (instrument, entries) in perInstrument.enumerated() {
            for e in entries {
                let k = Int(fill[Int(e.session)])
                instrumentOfBar[k] = Int32(instrument)
                rowOfBar[k] = e.row
                fill[Int(e.session)] += 1
            }
        }
        sessionBarStart = start
        barInstrument = instrumentOfBar
        barRow = rowOfBar
    }

    public var instrumentCount: Int { instruments.count }
    public var sessionCount: Int { sessions.count }

    /// The instrument number of `code`, or nil when it is not in this panel.
    public func instrumentIndex(of code: StockCode) -> Int? { instruments.firstIndex { $0.code == code } }

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
