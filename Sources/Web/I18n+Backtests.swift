extension I18n {
    /// The backtest pages' labels: batch form, batch page, task list.
    static let backtestLabels: [Key: [Language: String]] = [
        .navBacktests: [.zh: "回测", .en: "Backtests"],
        .backtestsTitle: [.zh: "回测任务", .en: "Backtest tasks"],
    ]
}
