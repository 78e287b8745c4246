import HuiceCore

/// Constant rates, seed 002 `AShareFeeConfig`: commission `max(min_commission, amount ×
/// commission_rate)` on both sides, stamp duty on sells only, transfer fee on both sides.
/// A `fee_config` in the backtest config selects it instead of the dated schedule; the generic
/// profile uses it with whatever rates are configured (zero by default).
public struct ConstantFeeModel: FeeModel {
    public var commission: CommissionRule
    public var stampDutyRate: Rate
    public var transferFeeRate: Rate

    public init(commission: CommissionRule, stampDutyRate: Rate, transferFeeRate: Rate) {
        self.commission = commission
        self.stampDutyRate = stampDutyRate
        self.transferFeeRate = transferFeeRate
    }

    /// No fees at all.
    public static let free = ConstantFeeModel(
        commission: CommissionRule(rate: .zero, minimum: .zero), stampDutyRate: .zero, transferFeeRate: .zero)

    public func fees(for fill: FeeContext) -> FeeBreakdown {
        FeeBreakdown(
            commission: commission.commission(on: fill.amount),
            stampTax: fill.side == .sell ? stampDutyRate.fee(on: fill.amount) : .zero,
            transferFee: transferFeeRate.fee(on: fill.amount))
    }
}
