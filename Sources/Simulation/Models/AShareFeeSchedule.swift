import HuiceCore

/// The official A-share fee schedule by execution date (the default fee model).
///
/// - Commission: `max(5.00, amount × 0.03%)` on both sides (configurable broker terms).
/// - Stamp duty (印花税): 0.1% both sides before 2007-05-30; 0.3% both sides from 2007-05-30;
///   0.1% both sides from 2008-04-24; 0.1% on sells only from 2008-09-19; 0.05% on sells only
///   from 2023-08-28.
/// - Transfer fee (过户费): none before 2015-08-01 in this schedule (Shanghai then charged per
///   share); 0.002% of the amount on both sides from 2015-08-01; 0.001% from 2022-04-29.
public struct AShareFeeSchedule: FeeModel {
    public var commission: CommissionRule

    public init(commission: CommissionRule = CommissionRule(rate: Rate(0.0003), minimum: Money(fen: 500))) {
        self.commission = commission
    }

    public func fees(for fill: FeeContext) -> FeeBreakdown {
        let day = fill.day.yyyymmdd
        let stampRate: Rate
        let stampOnBuys: Bool
        switch day {
        case ..<20070530: stampRate = Rate(0.001); stampOnBuys = true
        case ..<20080424: stampRate = Rate(0.003); stampOnBuys = true
        case ..<20080919: stampRate = Rate(0.001); stampOnBuys = true
        case ..<20230828: stampRate = Rate(0.001); stampOnBuys = false
        default: stampRate = Rate(0.0005); stampOnBuys = false
        }
        let transferRate: Rate
        switch day {
        case ..<20150801: transferRate = .zero
        case ..<20220429: transferRate = Rate(0.00002)
        default: transferRate = Rate(0.00001)
        }
        let stamp = (fill.side == .sell || stampOnBuys) ? stampRate.fee(on: fill.amount) : .zero
        return FeeBreakdown(
            commission: commission.commission(on: fill.amount),
            stampTax: stamp,
            transferFee: transferRate.fee(on: fill.amount))
    }
}
