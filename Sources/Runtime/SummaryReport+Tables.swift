import HuiceCore

extension SummaryReport {
    /// The per-stock batch as one table (a row per stock) plus each run's notes once.
    public static func render(_ batch: PerStockBacktest) -> String {
        var lines = ["Per-stock factor backtests: \(batch.results.count) stocks, each with the whole initial cash", ""]
        let header = ["stock", "final value", "total", "annual", "max dd", "sharpe", "win rate", "trades"]
        let rows = batch.summary.map { row in
            [row.stockCode, money(row.finalValue), percent(row.totalReturn), percent(row.annualReturn), percent(row.maxDrawdown),
             ratio(row.sharpeRatio), percent(row.winRate), "\(row.tradeCount)"]
        }
        lines += table(header, rows)
        var seen = Set<String>()
        let notes = batch.results.flatMap(\.notes).filter { seen.insert($0).inserted }
        if !notes.isEmpty {
            lines.append("")
            for note in notes { lines.append("Note: \(note)") }
        }
        return lines.joined(separator: "\n")
    }

    /// A grid search's best `top` trials and, with walk-forward, its folds and out-of-sample summary.
    public static func render(_ result: ParameterSearchResult, top: Int) -> String {
        let grid = result.grid
        var lines = ["Grid search: \(result.combinations) combinations, \(grid.trials.count) run, \(grid.skipped.count) skipped, "
            + "\(grid.window.lowerBound.isoString) … \(grid.window.upperBound.isoString), ranked by \(result.metric.rawValue)", ""]
        let byIndex = Dictionary(uniqueKeysWithValues: grid.trials.map { ($0.index, $0) })
        let rows = grid.ranking.prefix(top).map { index -> [String] in
            let t = byIndex[index]!
            return ["#\(index)", ratio(result.metric.value(of: t.metrics)), percent(t.metrics.totalReturn), percent(t.metrics.maxDrawdown),
                    "\(t.metrics.totalTrades)", describe(t.parameters, t.weights)]
        }
        lines += table(["combination", result.metric.rawValue, "total", "max dd", "trades", "parameters"], rows)
        if let first = grid.skipped.first {
            lines.append("")
            lines.append("Skipped \(grid.skipped.count), e.g. #\(first.index): \(first.reason)")
        }
        if let wf = result.walkForward {
            lines.append("")
            lines.append("Walk-forward: train \(wf.trainDays), test \(wf.testDays), step \(wf.stepDays) trading days, \(wf.folds.count) folds (out-of-sample only)")
            let foldRows = wf.folds.map { f in
                ["\(f.testStart.isoString) … \(f.testEnd.isoString)", "#\(f.bestIndex)", ratio(f.trainMetric),
                 ratio(result.metric.value(of: f.testMetrics)), percent(f.testMetrics.totalReturn), describe(f.parameters, f.weights)]
            }
            lines += table(["test window", "chosen", "train \(result.metric.rawValue)", "test \(result.metric.rawValue)", "test total", "parameters"], foldRows)
            lines.append("Out-of-sample compounded return \(percent(wf.outOfSampleCompoundedReturn)), mean \(result.metric.rawValue) \(ratio(wf.outOfSampleMeanMetric))")
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ parameters: [String: JSONValue], _ weights: [String: Double]?) -> String {
        var parts = parameters.keys.sorted().map { "\($0)=\(parameters[$0]!)" }
        if let weights { parts.append("weights " + weights.keys.sorted().map { "\($0)=\(fixed(weights[$0]!, 2))" }.joined(separator: ",")) }
        return parts.joined(separator: " ")
    }

    /// Left-aligned columns separated by two spaces.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { $0.element + String(repeating: " ", count: widths[$0.offset] - $0.element.count) }
                .joined(separator: "  ").trimmingSuffixSpaces()
        }
    }
}

private extension String {
    func trimmingSuffixSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
