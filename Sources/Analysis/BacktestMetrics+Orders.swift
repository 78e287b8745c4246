import HuiceCore

extension BacktestMetrics {
    /// Fills the order counts from every order record (each attempt is one record, filled or
    /// not). fill_rate = records with shares > 0 / all records, nil when there are no records.
    /// Rejections are counted by `filled_reason`; reasons without a column here (volume_limit,
    /// limit_not_reached, risk_halt, no_position, lot_size) count only in total_orders.
    public mutating func setOrderStatistics(from trades: [BacktestTrade]) {
        totalOrders = trades.count
        filledOrders = 0
        limitUpRejected = 0
        limitDownRejected = 0
        auctionFailed = 0
        noCashRejected = 0
        maxPositionRejected = 0
        suspendedRejected = 0
        for record in trades {
            if record.shares > 0 { filledOrders += 1 }
            switch record.filledReason {
            case .limitUpReject: limitUpRejected += 1
            case .limitDownReject: limitDownRejected += 1
            case .auctionFail: auctionFailed += 1
            case .noCash: noCashRejected += 1
            case .maxPosition: maxPositionRejected += 1
            case .suspended: suspendedRejected += 1
            case .filled, .volumeLimit, .limitNotReached, .riskHalt, .noPosition, .lotSize: break
            }
        }
        fillRate = trades.isEmpty ? nil : Double(filledOrders) / Double(totalOrders)
    }
}
