import Testing
import HuiceCore
import MarketData
import TestSupport
@testable import Simulation

@Suite("A-share fees, to the fen")
struct FeeModelTests {
    func fees(_ side: OrderSide, _ amount: String, on day: Int32, model: any FeeModel = AShareFeeSchedule()) -> FeeBreakdown {
        model.fees(for: FeeContext(side: side, amount: .yuan(amount), shares: 1000,
                                   day: TradingDay(yyyymmdd: day)!, board: .main))
    }

    @Test("a 2024 buy pays the minimum commission and 0.001% transfer fee, no stamp duty")
    func buy2024() {
        let f = fees(.buy, "10000.00", on: 20240102)
        #expect(f.commission == .yuan("5.00"))      // 10,000 × 0.03% = 3.00 < 5.00
        #expect(f.stampTax == .zero)
        #expect(f.transferFee == .yuan("0.10"))     // 10,000 × 0.001%
        #expect(f.total == .yuan("5.10"))
    }

    @Test("a 2024 sell pays 0.05% stamp duty")
    func sell2024() {
        let f = fees(.sell, "10000.00", on: 20240102)
        #expect(f.stampTax == .yuan("5.00"))
        #expect(f.total == .yuan("10.10"))
    }

    @Test("stamp duty halves on 2023-08-28, the execution date decides")
    func stampDutyCut() {
        #expect(fees(.sell, "10000.00", on: 20230825).stampTax == .yuan("10.00"))
        #expect(fees(.sell, "10000.00", on: 20230828).stampTax == .yuan("5.00"))
    }

    @Test("transfer fee: none before 2015-08-01, 0.002% until 2022-04-28, 0.001% after")
    func transferFeeDates() {
        #expect(fees(.buy, "100000.00", on: 20150731).transferFee == .zero)
        #expect(fees(.buy, "100000.00", on: 20150803).transferFee == .yuan("2.00"))
        #expect(fees(.buy, "100000.00", on: 20220428).transferFee == .yuan("2.00"))
        #expect(fees(.buy, "100000.00", on: 20220429).transferFee == .yuan("1.00"))
    }

    @Test("before 2008-09-19 stamp duty applied to both sides: 0.1%, 0.3% from 2007-05-30, 0.1% from 2008-04-24")
    func historicStampDuty() {
        #expect(fees(.buy, "10000.00", on: 20070529).stampTax == .yuan("10.00"))
        #expect(fees(.buy, "10000.00", on: 20070530).stampTax == .yuan("30.00"))
        #expect(fees(.sell, "10000.00", on: 20080423).stampTax == .yuan("30.00"))
        #expect(fees(.buy, "10000.00", on: 20080424).stampTax == .yuan("10.00"))
        #expect(fees(.buy, "10000.00", on: 20080918).stampTax == .yuan("10.00"))
        #expect(fees(.buy, "10000.00", on: 20080919).stampTax == .zero)
        #expect(fees(.sell, "10000.00", on: 20080919).stampTax == .yuan("10.00"))
    }

    @Test("commission above the minimum rounds half-up to the fen")
    func commissionRounding() {
        #expect(fees(.buy, "100000.00", on: 20240102).commission == .yuan("30.00"))
        #expect(fees(.buy, "16683.34", on: 20240102).commission == .yuan("5.01"))  // 5.005002
        #expect(fees(.buy, "16683.32", on: 20240102).commission == .yuan("5.00"))  // 5.004996 → minimum
        #expect(fees(.buy, "25000.00", on: 20240102).transferFee == .yuan("0.25"))
        #expect(fees(.buy, "25050.00", on: 20240102).transferFee == .yuan("0.25"))  // 0.2505 → 0.25
        #expect(fees(.buy, "25500.00", on: 20240102).transferFee == .yuan("0.26"))  // 0.255 → 0.26 (half-up)
    }

    @Test("a fee_config replaces the schedule with constants: stamp duty on sells only")
    func constantFees() {
        let model = ConstantFeeModel(commission: CommissionRule(rate: Rate(0.00025), minimum: .yuan("1.00")),
                                     stampDutyRate: Rate(0.001), transferFeeRate: Rate(0.00002))
        let buy = fees(.buy, "20000.00", on: 20070601, model: model)
        #expect(buy.commission == .yuan("5.00"))
        #expect(buy.stampTax == .zero)
        #expect(buy.transferFee == .yuan("0.40"))
        let sell = fees(.sell, "2000.00", on: 20240102, model: model)
        #expect(sell.commission == .yuan("1.00"))   // 0.50 < 1.00 minimum
        #expect(sell.stampTax == .yuan("2.00"))
        #expect(sell.transferFee == .yuan("0.04"))
    }
}

@Suite("Price limits")
struct PriceLimitTests {
    func band(_ reference: String, _ code: String = "600000.SH", day: Int32 = 20240102, st: Bool = false,
              listingDay: Int? = nil, listDate: Int32? = nil) -> PriceBand? {
        let stock = StockCode(normalizing: code)!
        return ASharePriceLimits().band(PriceLimitContext(
            board: stock.inferredBoard, isSpecialTreatment: st, listDate: listDate.flatMap { TradingDay(yyyymmdd: $0) },
            tick: Instrument.inferred(stock).tick, day: TradingDay(yyyymmdd: day)!, referencePrice: .yuan(reference),
            tradingDayOfListing: listingDay, listed: nil))
    }

    @Test("main board ±10% rounded half-up to the fen")
    func mainBoard() {
        #expect(band("10.00") == PriceBand(up: .yuan("11.00"), down: .yuan("9.00")))
        #expect(band("9.99") == PriceBand(up: .yuan("10.99"), down: .yuan("8.99")))   // 10.989, 8.991
        #expect(band("3.33") == PriceBand(up: .yuan("3.66"), down: .yuan("3.00")))    // 3.663, 2.997
        #expect(band("10.05") == PriceBand(up: .yuan("11.06"), down: .yuan("9.05")))  // 11.055 → 11.06, 9.045 → 9.05
    }

    @Test("ST stocks on the main board move ±5%")
    func specialTreatment() {
        #expect(band("10.05", st: true) == PriceBand(up: .yuan("10.55"), down: .yuan("9.55")))  // 10.5525, 9.5475
    }

    @Test("ChiNext moves from ±10% to ±20% on 2020-08-24")
    func chinextReform() {
        #expect(band("10.00", "300059.SZ", day: 20200821) == PriceBand(up: .yuan("11.00"), down: .yuan("9.00")))
        #expect(band("10.00", "300059.SZ", day: 20200824) == PriceBand(up: .yuan("12.00"), down: .yuan("8.00")))
    }

    @Test("new STAR and reformed ChiNext listings have no limit for five days, BSE for one")
    func newListings() {
        #expect(band("10.00", "688001.SH", listingDay: 5) == nil)
        #expect(band("10.00", "688001.SH", listingDay: 6) == PriceBand(up: .yuan("12.00"), down: .yuan("8.00")))
        #expect(band("10.00", "301001.SZ", day: 20240102, listingDay: 3, listDate: 20231228) == nil)
        #expect(band("10.00", "300001.SZ", day: 20200826, listingDay: 3, listDate: 20091030) != nil)
        #expect(band("10.00", "430047.BJ", listingDay: 1) == nil)
        #expect(band("10.00", "430047.BJ", listingDay: 2) == PriceBand(up: .yuan("13.00"), down: .yuan("7.00")))
    }

    @Test("a band is at least one tick wide and never reaches zero")
    func oneTickMinimum() {
        #expect(band("0.04") == PriceBand(up: .yuan("0.05"), down: .yuan("0.03")))  // 0.044 and 0.036 both round to 0.04
        #expect(band("0.01") == PriceBand(up: .yuan("0.02"), down: .yuan("0.01")))
    }

    @Test("indices have no limits")
    func indices() {
        #expect(band("3000.00", "000001.SH") == nil)
    }
}
