import Testing
@testable import HuiceCore

@Suite("Fixed-point money, prices and rates")
struct FixedPointTests {
    @Test("decimal text parses exactly into price units")
    func priceParsing() {
        #expect(Price(parsing: "12.34")?.units == 123_400)
        #expect(Price(parsing: "0.01")?.units == 100)
        #expect(Price(parsing: "-1.5")?.units == -15_000)
        #expect(Price(parsing: "+7")?.units == 70_000)
        #expect(Price(parsing: "1e2")?.units == 1_000_000)
        #expect(Price(parsing: "1.5E-2")?.units == 150)
        // pandas float noise rounds back onto the grid
        #expect(Price(parsing: "10.979999999999999")?.units == 109_800)
        // beyond four decimals rounds half-up
        #expect(Price(parsing: "1.23455")?.units == 12_346)
        #expect(Price(parsing: "1.23454")?.units == 12_345)
        #expect(Price(parsing: "-1.23455")?.units == -12_346)
    }

    @Test("malformed numbers are rejected")
    func priceParsingRejects() {
        for text in ["", "-", "abc", "1,000", "1.2.3", "nan", "NaN", "inf", "1e", "12a", " "] {
            #expect(Price(parsing: text) == nil, "\(text) should not parse")
        }
    }

    @Test("money parses to the fen and formats back")
    func moneyParsingAndFormatting() {
        #expect(Money(parsingYuan: "1234.56")?.fen == 123_456)
        #expect(Money(parsingYuan: "0.005")?.fen == 1)  // half-up
        #expect(Money(parsingYuan: "0.004")?.fen == 0)
        #expect(Money(fen: 123_456).description == "1234.56")
        #expect(Money(fen: -5).description == "-0.05")
        #expect(Money(fen: 100).description == "1.00")
        #expect(Price(units: 123_000).description == "12.30")
        #expect(Price(units: 31_415).description == "3.1415")
    }

    @Test("trade value is shares × price rounded half-up to the fen")
    func tradeValue() {
        #expect(Money.value(of: 100, at: Price(units: 123_400)).fen == 123_400)  // 100 × 12.34 = 1234.00
        #expect(Money.value(of: 1, at: Price(units: 12_345)).fen == 123)          // 1.2345 → 1.23
        #expect(Money.value(of: 1, at: Price(units: 12_350)).fen == 124)          // 1.235 → 1.24 (half-up)
        #expect(Money.value(of: 3, at: Price(units: 5)).fen == 0)                 // 0.0015 → 0.00
    }

    @Test("fees round half-up to the fen, exactly at half a fen")
    func feeRounding() {
        // transfer fee 0.002% on 25,000.00 = 0.50 exactly; on 250.00 = 0.005 → 0.01 (half-up)
        let transfer = Rate(0.00002)
        #expect(transfer.fee(on: Money(fen: 2_500_000)).fen == 50)
        #expect(transfer.fee(on: Money(fen: 25_000)).fen == 1)
        #expect(transfer.fee(on: Money(fen: 24_999)).fen == 0)
        // commission 0.03% of 10,000.00 = 3.00; stamp duty 0.1% of 12,345.67 = 12.34567 → 12.35
        #expect(Rate(0.0003).fee(on: Money(fen: 1_000_000)).fen == 300)
        #expect(Rate(0.001).fee(on: Money(fen: 1_234_567)).fen == 1235)
        // 0.05% of 1.00 = 0.0005 → 0.00
        #expect(Rate(0.0005).fee(on: Money(fen: 100)).fen == 0)
        // large amounts do not overflow: 0.1% of 10 billion yuan
        #expect(Rate(0.001).fee(on: Money(fen: 1_000_000_000_000)).fen == 1_000_000_000)
    }

    @Test("a cost basis splits in proportion, half-up")
    func proportion() {
        #expect(Money(fen: 1001).proportion(1, of: 2).fen == 501)  // 500.5 → 501
        #expect(Money(fen: 1000).proportion(1, of: 3).fen == 333)
        #expect(Money(fen: -1001).proportion(1, of: 2).fen == -501)
        #expect(Money(fen: 1000).proportion(3, of: 3).fen == 1000)
    }

    @Test("prices round to the tick half-up")
    func tickRounding() {
        let tick = Price.cent
        #expect(Price(units: 123_450).rounded(toTick: tick).units == 123_500)  // 12.345 → 12.35
        #expect(Price(units: 123_449).rounded(toTick: tick).units == 123_400)
        #expect(Price(units: 123_449).roundedUp(toTick: tick).units == 123_500)
        #expect(Price(units: 123_499).roundedDown(toTick: tick).units == 123_400)
        #expect(Price(rounding: 9.9 * 1.1).units == 108_900)
    }
}
