import HuiceCore

/// The platform risk monitor's memory between closes.
struct RiskState: Sendable {
    /// Highest equity since the start (or since buying resumed after a cool-down).
    var peak: Money
    var previousEquity: Money
    var halted = false
    /// The session from which buying is allowed again; nil while halted for good.
    var resumeSession: Int?

    init(initialEquity: Money) {
        peak = initialEquity
        previousEquity = initialEquity
    }
}

extension EngineState {
    /// Seed 001's platform risk limits, checked at each close on the closing equity:
    /// drawdown from the peak ≥ max_drawdown_pct, or the loss since the previous close ≥
    /// daily_max_loss_pct. A breach records a risk event, sells every position at the next open
    /// (exit reason `risk_liquidation`), cancels pending buys (recorded `risk_halt`) and refuses new
    /// buys for the rest of the run or until the cool-down has passed; then the peak restarts at
    /// the equity of the close at which buying resumes.
    mutating func checkRisk() {
        let limits = settings.risk
        let current = equity
        if risk.halted, let resume = risk.resumeSession, session >= resume {
            risk.halted = false
            risk.resumeSession = nil
            risk.peak = current
            riskEvents.append(RiskEvent(
                kind: .resumed, tradeDate: day, value: 0, limit: 0, equity: current, liquidationDate: nil,
                message: "cool-down over: new buys allowed again"))
        }
        risk.peak = max(risk.peak, current)
        defer { risk.previousEquity = current }
        guard !risk.halted else { return }

        var breach: (RiskEvent.Kind, Double, Double)?
        if let limit = limits.dailyMaxLossPct, risk.previousEquity.fen > 0 {
            let loss = Double(risk.previousEquity.fen - current.fen) / Double(risk.previousEquity.fen)
            if loss >= limit { breach = (.dailyLoss, loss, limit) }
        }
        if breach == nil, let limit = limits.maxDrawdownPct, risk.peak.fen > 0 {
            let drawdown = Double(risk.peak.fen - current.fen) / Double(risk.peak.fen)
            if drawdown >= limit { breach = (.maxDrawdown, drawdown, limit) }
        }
        guard let (kind, value, limit) = breach else { return }

        let next = isLastSession ? nil : panel.sessions[session + 1].day
        let what = kind == .dailyLoss ? "daily loss" : "drawdown"
        riskEvents.append(RiskEvent(
            kind: kind, tradeDate: day, value: value, limit: limit, equity: current, liquidationDate: next,
            message: "\(what) \(percent(value)) reached the limit \(percent(limit)): liquidating all positions"
                + (limits.cooldownDays.map { " and pausing buys for \($0) trading days" } ?? " and stopping new buys")))
        risk.halted = true
        risk.resumeSession = limits.cooldownDays.map { session + $0 }
        for cancelled in book.removeBuys() { recordRefusal(cancelled, reason: .riskHalt) }
        for instrument in account.positions.map(\.instrument) where !book.hasPendingSell(instrument) {
            _ = closePosition(instrument, reason: .riskLiquidation)
        }
    }

    private func percent(_ x: Double) -> String {
        let basisPoints = Int((x * 10_000).rounded())
        return "\(basisPoints / 100).\(basisPoints % 100 < 10 ? "0" : "")\(basisPoints % 100)%"
    }
}
