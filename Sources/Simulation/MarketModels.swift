import HuiceCore

/// The reality models a broker uses, composed per market profile. A new behaviour is a new model
/// type plugged in here, not a flag on the broker.
public struct MarketModels: Sendable {
    public var fees: any FeeModel
    public var slippage: any SlippageModel
    public var liquidity: any LiquidityModel
    public var priceLimits: any PriceLimitModel
    public var lots: any LotSizeModel
    public var settlement: any SettlementRule

    public init(fees: any FeeModel, slippage: any SlippageModel, liquidity: any LiquidityModel,
                priceLimits: any PriceLimitModel, lots: any LotSizeModel, settlement: any SettlementRule) {
        self.fees = fees
        self.slippage = slippage
        self.liquidity = liquidity
        self.priceLimits = priceLimits
        self.lots = lots
        self.settlement = settlement
    }

    /// A-share rules with seed 002's defaults: dated official fees, auction fills without slippage,
    /// the liquidity model at 15% participation, price limits, lots of 100, T+1.
    public static func ashare(participationRate: Double = 0.15) -> MarketModels {
        MarketModels(fees: AShareFeeSchedule(), slippage: NoSlippage(),
                     liquidity: AShareLiquidityModel(participationRate: participationRate),
                     priceLimits: ASharePriceLimits(), lots: AShareLots(), settlement: NextDaySettlement())
    }

    /// Other markets: whole shares of 1, no price limits, no T+1, full fills, no fees unless configured.
    public static func generic() -> MarketModels {
        MarketModels(fees: ConstantFeeModel.free, slippage: NoSlippage(), liquidity: UnlimitedLiquidity(),
                     priceLimits: NoPriceLimits(), lots: WholeShareLots(), settlement: SameDaySettlement())
    }
}
