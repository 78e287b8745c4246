extension I18n {
    /// The report, compare and export pages' labels.
    static let reportLabels: [Key: [Language: String]] = [
        .reportTitle: [.zh: "回测报告", .en: "Backtest report"],
    ]
}
