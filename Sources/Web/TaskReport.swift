import Analysis
import Charts
import Foundation
import HuiceCore
import Reports
import Runtime
import Service

/// One task's report as plain values: its results, the config it ran with, the stock's bars over
/// the run and the benchmark curve. This is the one place a `TaskResults` becomes a report: the
/// report page, the saved HTML file and the workbook (`reportContent`) all read it, so they show
/// the same figures and the same config lines.
struct TaskReport: Sendable {
    /// What the equity chart compares against.
    enum Benchmark: Sendable, Equatable {
        /// The config names no benchmark (or could not be read).
        case notSet
        /// The config names one that the store holds no bars of up to the run's end.
        case missing(StockCode)
        case curve(BenchmarkCurve)
    }

    /// One line of the config summary: the config key, its label and its value.
    struct ConfigItem: Sendable, Equatable {
        enum Value: Sendable, Equatable {
            case value(ReportValue)
            /// A word rather than a number (`off`, the official fee schedule), in the reader's language.
            case label(I18n.Key)
        }

        var key: String
        var label: I18n.Key
        var value: Value
    }

    var taskID: String
    var batchID: String?
    var stockCode: String
    var stockName: String
    var startDate: String
    var endDate: String
    var initialCash: Money
    var finalValue: Money
    /// When the result was stored (`2024-01-07T10:00:00Z`).
    var createdAt: String
    var metrics: BacktestMetrics
    /// Every order attempt, fills and rejections, in record order.
    var trades: [BacktestTrade]
    var equityCurve: [EquityPoint]
    var riskEvents: [RiskEvent]
    var factorCombination: FactorCombination?
    /// nil when the task's snapshot could not be read (the report still shows the results).
    var config: EffectiveConfig?
    /// The stock's bars from the first to the last day of the run, for the K-line.
    var bars: OHLCSeries
    var benchmark: Benchmark

    init(taskID: String, batchID: String? = nil, stockCode: String, stockName: String = "", startDate: String, endDate: String,
         initialCash: Money, finalValue: Money, createdAt: String = "", metrics: BacktestMetrics, trades: [BacktestTrade],
         equityCurve: [EquityPoint], riskEvents: [RiskEvent] = [], factorCombination: FactorCombination? = nil,
         config: EffectiveConfig? = nil, bars: OHLCSeries = OHLCSeries(days: [], open: [], high: [], low: [], close: [], volume: []),
         benchmark: Benchmark = .notSet) {
        self.taskID = taskID
        self.batchID = batchID
        self.stockCode = stockCode
        self.stockName = stockName
        self.startDate = startDate
        self.endDate = endDate
        self.initialCash = initialCash
        self.finalValue = finalValue
        self.createdAt = createdAt
        self.metrics = metrics
        self.trades = trades
        self.equityCurve = equityCurve
        self.riskEvents = riskEvents
        self.factorCombination = factorCombination
        self.config = config
        self.bars = bars
        self.benchmark = benchmark
    }

    /// From getTaskResults' answer (with trades and the equity curve).
    init(results: TaskResults, config: EffectiveConfig?, stockName: String,
         bars: OHLCSeries = OHLCSeries(days: [], open: [], high: [], low: [], close: [], volume: []), benchmark: Benchmark = .notSet) {
        self.init(taskID: results.taskID, batchID: results.batchID, stockCode: results.stockCode, stockName: stockName,
                  startDate: results.startDate, endDate: results.endDate, initialCash: results.initialCash,
                  finalValue: results.finalValue, createdAt: results.createdAt, metrics: results.summary,
                  trades: results.trades ?? [], equityCurve: results.equityCurve ?? [], riskEvents: results.riskEvents,
                  factorCombination: results.factorCombination, config: config, bars: bars, benchmark: benchmark)
    }

    /// `600036.SH 招商银行` (the code alone when the store has no name).
    var title: String { stockName.isEmpty ? stockCode : stockCode + " " + stockName }

    /// The records that moved shares (filled and partially filled), in record order.
    var fills: [BacktestTrade] { trades.filter(\.isFill) }
    /// The attempts that moved none, with their `filled_reason`.
    var rejections: [BacktestTrade] { trades.filter { !$0.isFill } }

    var days: [TradingDay] { equityCurve.map(\.tradeDate) }
    var equity: [Double] { equityCurve.map(\.equity.yuan) }

    /// The run's settings: what the results say (stock, dates, money, benchmark) and what the
    /// config adds (strategy, fees, slippage, fill model, position rules, risk limits). Rules that
    /// are off say so rather than disappearing, so a reader sees they were not applied.
    var configItems: [ConfigItem] {
        func item(_ key: String, _ label: I18n.Key, _ value: ReportValue) -> ConfigItem {
            ConfigItem(key: key, label: label, value: .value(value))
        }
        func optional(_ key: String, _ label: I18n.Key, _ value: ReportValue?) -> ConfigItem {
            ConfigItem(key: key, label: label, value: value.map { .value($0) } ?? .label(.reportOff))
        }
        var items = [item("task_id", .reportTaskID, .text(taskID))]
        if let batchID { items.append(item("batch_id", .reportBatch, .text(batchID))) }
        items.append(item("stock_code", .reportStock, .text(stockCode)))
        if !stockName.isEmpty { items.append(item("stock_name", .reportStockName, .text(stockName))) }
        items += [
            item("start_date", .reportStartDate, TradingDay(parsing: startDate).map { .date($0) } ?? .text(startDate)),
            item("end_date", .reportEndDate, TradingDay(parsing: endDate).map { .date($0) } ?? .text(endDate)),
            item("initial_cash", .reportInitialCash, .money(initialCash)),
            item("final_value", .reportFinalValue, .money(finalValue)),
        ]
        // What the config asked for; whether the store had its bars is the equity chart's note.
        if let config { items.append(optional("benchmark", .reportBenchmark, config.benchmark.map { .text($0.rawValue) })) }
        if let combination = factorCombination, !combination.factors.isEmpty {
            let factors = combination.factors.map { "\($0.name) \(DisplayNumber.decimal($0.weight, digits: 2))" }
            items.append(item("factor_combination", .reportFactors, .text(combination.name + ": " + factors.joined(separator: ", "))))
        }
        guard let config else { return items }
        items += [
            item("backtest_name", .reportBacktestName, .text(config.backtestName)),
            item("strategy", .reportStrategy, .text(Self.strategyText(config.strategy))),
            item("market", .reportMarket, .text(config.market.rawValue)),
            item("order_type", .reportOrderType, .text(config.orderType.rawValue)),
        ]
        if let fees = config.feeConfig {
            items += [
                item("fee_config.commission_rate", .reportCommissionRate, .fraction(fees.commissionRate)),
                item("fee_config.min_commission", .reportMinCommission, .money(Money(roundingYuan: fees.minCommission))),
                item("fee_config.stamp_duty_rate", .reportStampDutyRate, .fraction(fees.stampDutyRate)),
                item("fee_config.transfer_fee_rate", .reportTransferFeeRate, .fraction(fees.transferFeeRate)),
            ]
        } else {
            // No fee_config: A-shares pay the dated official schedule, other markets nothing.
            items.append(ConfigItem(key: "fee_config", label: .reportFees,
                                    value: .label(config.market == .ashare ? .reportFeesOfficial : .reportFeesNone)))
        }
        items.append(item("slippage_type", .reportSlippageType, .text(config.slippageType.rawValue)))
        if config.slippageType == .fixed || config.slippageType == .variable {
            items.append(item("slippage_value", .reportSlippageValue, .fraction(config.slippageValue)))
        }
        items += [
            item("min_fill_probability", .reportMinFillProbability, .number(config.minFillProbability)),
            optional("queue_participation_rate", .reportParticipation, config.queueParticipationRate.map { .fraction($0) }),
            optional("max_positions", .reportMaxPositions, config.maxPositions.map { .integer($0) }),
            optional("max_position_pct", .reportMaxPositionPct, config.maxPositionPct.map { .fraction($0) }),
            optional("max_holding_days", .reportMaxHoldingDays, config.maxHoldingDays.map { .integer($0) }),
            optional("stop_loss_pct", .reportStopLoss, config.stopLossPct.map { .fraction($0) }),
            optional("take_profit_pct", .reportTakeProfit, config.takeProfitPct.map { .fraction($0) }),
            optional("max_drawdown_pct", .reportMaxDrawdownLimit, config.maxDrawdownPct.map { .fraction($0) }),
            optional("daily_max_loss_pct", .reportDailyLossLimit, config.dailyMaxLossPct.map { .fraction($0) }),
            optional("risk_cooldown_days", .reportCooldownDays, config.riskCooldownDays.map { .integer($0) }),
            item("risk_free_rate", .reportRiskFreeRate, .fraction(config.riskFreeRate)),
            optional("seed", .reportSeed, config.seed.map { .text(String($0)) }),
        ]
        return items
    }

    /// The report as the exports take it: the title, the config lines (Chinese labels, as the
    /// workbook's summary sheet has them), every metric, all trades, the curve and the risk events.
    var reportContent: ReportContent {
        let zh = I18n(.zh)
        let summary = configItems.map { item in
            ReportContent.SummaryItem(label: zh[item.label], key: item.key, value: item.value.reportValue(zh))
        }
        return ReportContent(title: title, configSummary: summary, metrics: metrics, trades: trades,
                             equityCurve: equityCurve, riskEvents: riskEvents)
    }

    /// The strategy as its config writes it, `{"fast":5,"sizing":"all_cash","slow":20,"type":"sma_crossover"}`:
    /// every parameter of every strategy kind without a table of them here.
    static func strategyText(_ strategy: StrategySpec) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(strategy) else { return strategy.typeName }
        return String(decoding: data, as: UTF8.self)
    }
}

extension TaskReport.ConfigItem.Value {
    /// The value as a report cell; a word becomes text in `i18n`'s language.
    func reportValue(_ i18n: I18n) -> ReportValue {
        switch self {
        case .value(let value): value
        case .label(let key): .text(i18n[key])
        }
    }
}
