import HuiceCore
import Testing
@testable import MarketData

@Suite("Price-limit rules (hand-worked values)")
struct PriceLimitRuleTests {
    func band(_ reference: String, _ board: Board, st: Bool = false, on yyyymmdd: Int32 = 20240105,
              listingDay: Int? = nil, listDate: TradingDay? = nil) -> PriceBand? {
        PriceLimitRule.band(reference: price(reference), board: board, isST: st, day: day(yyyymmdd),
                            tradingDayOfListing: listingDay, listDate: listDate)
    }

    func expectBand(_ result: PriceBand?, _ up: String, _ down: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result == PriceBand(up: price(up), down: price(down)), sourceLocation: sourceLocation)
    }

    @Test("main board: 10% rounded half-up to the cent")
    func mainBoard() {
        expectBand(band("10.00", .main), "11.00", "9.00")
        expectBand(band("9.99", .main), "10.99", "8.99")     // 10.989 → 10.99, 8.991 → 8.99
        expectBand(band("3.33", .main), "3.66", "3.00")      // 3.663 → 3.66, 2.997 → 3.00
    }

    @Test("an exact half cent rounds up where binary floating point would round down")
    func exactHalfCent() {
        // 2.05 × 1.1 = 2.255 → 2.26 (as a Double, 2.2549999…); 2.05 × 0.9 = 1.845 → 1.85 (Double 1.8449999…)
        expectBand(band("2.05", .main), "2.26", "1.85")
    }

    @Test("ST on the main board: 5%")
    func specialTreatment() {
        expectBand(band("10.05", .main, st: true), "10.55", "9.55")  // 10.5525 → 10.55, 9.5475 → 9.55
    }

    @Test("ChiNext: 10% (ST 5%) until 2020-08-21, 20% for all from 2020-08-24")
    func chinextReform() {
        expectBand(band("10.00", .chinext, on: 20200821), "11.00", "9.00")
        expectBand(band("10.00", .chinext, st: true, on: 20200821), "10.50", "9.50")
        expectBand(band("10.00", .chinext, on: 20200824), "12.00", "8.00")
        expectBand(band("10.00", .chinext, st: true, on: 20200824), "12.00", "8.00")
    }

    @Test("STAR: no limit on listing days 1 to 5, 20% from day 6")
    func starListing() {
        #expect(band("25.13", .star, listingDay: 1) == nil)
        #expect(band("25.13", .star, listingDay: 5) == nil)
        expectBand(band("25.13", .star, listingDay: 6), "30.16", "20.10")  // 30.156, 20.104
        expectBand(band("25.13", .star), "30.16", "20.10")                  // listed before the data
    }

    @Test("ChiNext listings from 2020-08-24 trade without limits for five days; earlier listings do not")
    func chinextListing() {
        #expect(band("30.00", .chinext, on: 20200826, listingDay: 3, listDate: day(20200824)) == nil)
        expectBand(band("30.00", .chinext, on: 20200824, listingDay: 3, listDate: day(20200820)), "36.00", "24.00")
        expectBand(band("30.00", .chinext, on: 20200831, listingDay: 6, listDate: day(20200824)), "36.00", "24.00")
    }

    @Test("BSE: no limit on the listing day, 30% from day 2")
    func bse() {
        #expect(band("8.88", .bse, listingDay: 1) == nil)
        expectBand(band("8.88", .bse, listingDay: 2), "11.54", "6.22")  // 11.544, 6.216
    }

    @Test("funds use the 0.001 tick; indices and other instruments have no limit")
    func otherBoards() {
        expectBand(band("1.234", .fund), "1.357", "1.111")  // 1.3574, 1.1106
        #expect(band("3000.00", .index) == nil)
        #expect(band("100.00", .other) == nil)
    }

    @Test("the band is at least one tick wide and the down limit never below one tick")
    func minimumTick() {
        expectBand(band("0.05", .main), "0.06", "0.04")  // 0.055 → 0.06; 0.045 → 0.05, widened to 0.04
        expectBand(band("0.01", .main), "0.02", "0.01")  // 0.011 → 0.01 widened to 0.02; down floored at 0.01
        expectBand(band("0.10", .main, st: true), "0.11", "0.09")  // 0.105 → 0.11, 0.095 → 0.10 widened to 0.09
    }

    @Test("no reference price, no band")
    func noReference() {
        #expect(band("0", .main) == nil)
    }
}
