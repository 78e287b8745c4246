import Testing
import HuiceCore
import MarketData
import TestSupport
@testable import Simulation

/// One random run: a seeded market, seeded settings (profile, fees, slippage, participation, fill
/// policy, position rules, risk limits, cash) and a seeded random strategy.
struct RandomRun {
    let seed: UInt64
    let ashare: Bool
    let market: RandomMarket
    let settings: SimulationSettings

    init(seed: UInt64, ashare: Bool) {
        self.seed = seed
        self.ashare = ashare
        market = RandomMarket(seed: seed, includeOtherTickers: !ashare)
        var rng = SplitMix64(seed: seed &* 31 &+ (ashare ? 1 : 2))
        var models: MarketModels = ashare ? .ashare(participationRate: rng.pick([0.05, 0.15, 0.5, 1])) : .generic()
        switch rng.int(0...2) {
        case 0: break
        case 1: models.slippage = FixedFractionSlippage(fraction: rng.double(0, 0.01))
        default: models.slippage = VolumeImpactSlippage(baseFraction: rng.double(0, 0.002), capBps: rng.pick([10, 35, 100]))
        }
        if ashare && rng.chance(0.2) { models.liquidity = UnlimitedLiquidity() }
        if !ashare && rng.chance(0.3) { models.liquidity = AShareLiquidityModel(participationRate: rng.pick([0.1, 0.5])) }
        if rng.chance(ashare ? 0.3 : 0.5) {
            models.fees = ConstantFeeModel(
                commission: CommissionRule(rate: Rate(rng.double(0, 0.003)), minimum: Money(fen: rng.int64(0...1_000))),
                stampDutyRate: Rate(rng.double(0, 0.002)), transferFeeRate: Rate(rng.double(0, 0.0001)))
        }
        func maybe<T>(_ rng: inout SplitMix64, _ make: (inout SplitMix64) -> T) -> T? {
            rng.chance(0.5) ? make(&rng) : nil
        }
        let positions = PositionRules(
            maxPositions: maybe(&rng) { $0.int(1...5) }, maxPositionPct: maybe(&rng) { $0.double(0.1, 0.6) },
            maxHoldingDays: maybe(&rng) { $0.int(1...8) }, stopLossPct: maybe(&rng) { $0.double(0.02, 0.1) },
            takeProfitPct: maybe(&rng) { $0.double(0.02, 0.2) })
        let drawdown = rng.chance(0.2) ? rng.double(0.05, 0.3) : nil
        let dailyLoss = rng.chance(0.2) ? rng.double(0.02, 0.08) : nil
        let cooldown = (drawdown != nil || dailyLoss != nil) && rng.chance(0.5) ? rng.int(1...5) : nil
        settings = SimulationSettings(
            initialCash: Money(fen: rng.int64(1_000_000...200_000_000)), models: models,
            fillPolicy: FillPolicy(minFillProbability: rng.pick([0, 0, 0.35, 0.6]), randomSeed: rng.chance(0.3) ? rng.next() : nil),
            positions: positions, risk: RiskLimits(maxDrawdownPct: drawdown, dailyMaxLossPct: dailyLoss, cooldownDays: cooldown))
    }

    func run() -> SimulationResult {
        var strategy = RandomStrategy(seed: seed)
        return BacktestEngine(panel: market.panel(), settings: settings).run(&strategy)
    }
}

/// Replays a run's trade records against the market, independently of the engine's books:
/// holdings and cash come only from the filled records, prices only from the generated bars.
struct Replay {
    var accounting: [String] = []
    var rules: [String] = []
    var records: [String] = []
    /// How often each filled_reason occurred.
    var reasons: [FilledReason: Int] = [:]

    init(_ result: SimulationResult, _ run: RandomRun) {
        let market = run.market
        let n = market.codes.count
        let ledger = result.log.ledger
        let trades = result.log.trades
        guard ledger.count == market.days.count else {
            accounting.append("ledger has \(ledger.count) closes for \(market.days.count) sessions")
            return
        }
        let instrument = Dictionary(uniqueKeysWithValues: market.codes.enumerated().map { ($1, $0) })
        let dayIndex = Dictionary(uniqueKeysWithValues: market.days.enumerated().map { ($1, $0) })
        var byDay = [[BacktestTrade]](repeating: [], count: market.days.count)
        for t in trades { byDay[dayIndex[t.executeDate]!].append(t) }

        var held = [Int](repeating: 0, count: n)
        var cash = run.settings.initialCash.fen
        for d in market.days.indices {
            let heldAtPreviousClose = held
            var soldToday = [Int](repeating: 0, count: n)
            for t in byDay[d] {
                reasons[t.filledReason, default: 0] += 1
                let i = instrument[t.stockCode]!
                let at = "\(t.tradeID) \(t.direction) \(t.stockCode) \(t.executeDate)"
                if t.status == .rejected {
                    if t.shares != 0 || t.amount != .zero || t.totalFee != .zero || t.filledPrice != .zero {
                        records.append("\(at): rejected (\(t.filledReason)) but shares \(t.shares), amount \(t.amount), fee \(t.totalFee)")
                    }
                    continue
                }
                if t.shares <= 0 { records.append("\(at): \(t.status) with \(t.shares) shares") }
                // amount = shares × price rounded half-up to the fen (price units are 1e-4 yuan).
                let product = Int64(t.shares) * t.filledPrice.units
                if t.amount.fen != (product + 50) / 100 { accounting.append("\(at): amount \(t.amount) ≠ \(t.shares) × \(t.filledPrice)") }
                if t.totalFee != t.commission + t.stampTax + t.transferFee || [t.commission, t.stampTax, t.transferFee].contains(where: \.isNegative) {
                    accounting.append("\(at): fees \(t.commission) + \(t.stampTax) + \(t.transferFee) vs total \(t.totalFee)")
                }
                if t.direction == .buy {
                    cash -= t.amount.fen + t.totalFee.fen
                    if run.ashare && !Self.isLot(t.shares, board: t.stockCode.inferredBoard) {
                        rules.append("\(at): bought \(t.shares) shares, not a lot")
                    }
                    held[i] += t.shares
                } else {
                    if t.shares > held[i] { accounting.append("\(at): sold \(t.shares) of \(held[i]) held") }
                    if run.ashare && t.shares != held[i] && !Self.isLot(t.shares, board: t.stockCode.inferredBoard) {
                        rules.append("\(at): sold an odd lot of \(t.shares) from \(held[i]) held")
                    }
                    cash += t.amount.fen - t.totalFee.fen
                    held[i] -= t.shares
                    soldToday[i] += t.shares
                }
                if cash < 0 { accounting.append("\(at): cash \(Money(fen: cash)) after the trade") }
            }
            if run.ashare {
                for i in 0..<n where soldToday[i] > heldAtPreviousClose[i] {
                    rules.append("\(market.codes[i]) \(market.days[d]): sold \(soldToday[i]) with \(heldAtPreviousClose[i]) held at the previous close")
                }
            }
            var value: Int64 = 0
            for i in 0..<n where held[i] > 0 {
                let close = market.lastClose(i, atOrBefore: d)!
                value += (Int64(held[i]) * close.units + 50) / 100
            }
            if ledger.cash[d].fen != cash || ledger.positionsValue[d].fen != value || ledger.equity(at: d).fen != cash + value {
                accounting.append("\(market.days[d]): ledger cash \(ledger.cash[d]) value \(ledger.positionsValue[d]) equity \(ledger.equity(at: d)); replay cash \(Money(fen: cash)) value \(Money(fen: value))")
            }
            if ledger.cash[d].isNegative { accounting.append("\(market.days[d]): negative cash \(ledger.cash[d])") }
        }
        // The run's cash flow in one sum: initial + Σ sells (amount − fee) − Σ buys (amount + fee).
        var flow = run.settings.initialCash
        for t in trades where t.shares > 0 {
            flow += t.direction == .sell ? t.amount - t.totalFee : -(t.amount + t.totalFee)
        }
        if flow != result.cash || flow.fen != cash { accounting.append("final cash \(result.cash), cash flow \(flow)") }
        let positions = Dictionary(uniqueKeysWithValues: result.positions.map { ($0.stockCode, $0.shares) })
        let replayed = Dictionary(uniqueKeysWithValues: (0..<n).filter { held[$0] > 0 }.map { (market.codes[$0], held[$0]) })
        if positions != replayed { accounting.append("final positions \(positions) vs replay \(replayed)") }
    }

    /// A-share buy quantities: multiples of 100; STAR at least 200, BSE at least 100, then any.
    static func isLot(_ shares: Int, board: Board) -> Bool {
        switch board {
        case .star: shares >= 200
        case .bse: shares >= 100
        default: shares > 0 && shares % 100 == 0
        }
    }
}

private let seeds: [UInt64] = Array(0..<200)

@Suite("Properties of random runs: accounting, A-share rules, records, determinism")
struct PropertyTests {
    @Test("A-share runs: cash + Σ shares × close equals equity every day, cash never negative, every trade reconciles",
          arguments: seeds)
    func ashareAccounting(seed: UInt64) {
        let run = RandomRun(seed: seed, ashare: true)
        let problems = Replay(run.run(), run).accounting
        #expect(problems.isEmpty, "seed \(seed): \(problems.prefix(5))")
    }

    @Test("generic runs (whole shares, sub-fen ticks, optional fees): the same accounting holds", arguments: seeds)
    func genericAccounting(seed: UInt64) {
        let run = RandomRun(seed: seed, ashare: false)
        let problems = Replay(run.run(), run).accounting
        #expect(problems.isEmpty, "seed \(seed): \(problems.prefix(5))")
    }

    @Test("A-share runs never sell a day's buys that day, buy only in lots, sell odd lots only as the whole position",
          arguments: seeds)
    func ashareRules(seed: UInt64) {
        let run = RandomRun(seed: seed, ashare: true)
        let problems = Replay(run.run(), run).rules
        #expect(problems.isEmpty, "seed \(seed): \(problems.prefix(5))")
    }

    @Test("every rejected record has zero shares, amount, fees and price; every fill has shares",
          arguments: seeds.prefix(100))
    func rejectedRecords(seed: UInt64) {
        for ashare in [true, false] {
            let run = RandomRun(seed: seed, ashare: ashare)
            let problems = Replay(run.run(), run).records
            #expect(problems.isEmpty, "seed \(seed) ashare \(ashare): \(problems.prefix(5))")
        }
    }

    @Test("two runs of the same inputs give equal logs, ledgers and positions", arguments: seeds.prefix(100))
    func determinism(seed: UInt64) {
        for ashare in [true, false] {
            let run = RandomRun(seed: seed, ashare: ashare)
            let first = run.run(), second = run.run()
            #expect(first == second, "seed \(seed) ashare \(ashare)")
            #expect(first.log.trades == second.log.trades)
        }
    }

    @Test("the generators reach every rejection reason, partial fills, exits and risk events")
    func coverage() {
        var reasons: [FilledReason: Int] = [:]
        var exits = Set<ExitReason>()
        var riskEvents = 0
        for seed in seeds.prefix(100) {
            for ashare in [true, false] {
                let run = RandomRun(seed: seed, ashare: ashare)
                let result = run.run()
                reasons.merge(Replay(result, run).reasons, uniquingKeysWith: +)
                exits.formUnion(result.log.trades.compactMap { $0.shares > 0 ? $0.exitReason : nil })
                riskEvents += result.log.riskEvents.count
            }
        }
        for reason in FilledReason.allCases { #expect(reasons[reason, default: 0] > 0, "never saw \(reason)") }
        for exit in ExitReason.allCases where exit != .signal { #expect(exits.contains(exit), "never saw an exit by \(exit)") }
        #expect(riskEvents > 0)
    }
}
