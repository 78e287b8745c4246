import HuiceCore
import MarketData
import TestSupport
import Testing
@testable import Storage

private func obs(_ code: StockCode, _ factor: String, _ observed: Int32, _ published: Int32, _ value: Double) -> FactorObservation {
    FactorObservation(code: code, factor: factor, observed: StoreFixtures.day(observed), published: StoreFixtures.day(published),
                      value: value)
}

@Suite("Factor values in the store")
struct StoreFactorTests {
    /// Daily values, a restated report (two vintages), a generic ticker, awkward doubles.
    static func factors() -> FactorDataSet {
        FactorDataSet(observations: [
            obs(StoreFixtures.pufa, "pe_ratio", 20240102, 20240102, 5.912345678901234),
            obs(StoreFixtures.pufa, "pe_ratio", 20240103, 20240103, -0.1),
            obs(StoreFixtures.pufa, "roe", 20231231, 20240420, 10.0),
            obs(StoreFixtures.pufa, "roe", 20231231, 20240830, 12.0),
            obs(StoreFixtures.pingan, "roe", 20231231, 20240315, 1e-9),
            obs(StoreFixtures.pingan, "news_sentiment", 20240106, 20240106, -1),
            obs(StoreFixtures.other, "total_mv", 20240102, 20240102, 1.5e12),
        ])
    }

    @Test("schema v2 creates factor_values", arguments: TestStoreEngine.available)
    func migration(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            #expect(try await store.schemaVersions().contains(2))
            try await store.saveFactors(Self.factors())
            let row = try await store.database.read { db in
                try await db.raw("SELECT * FROM factor_values").first()
            }
            #expect(row?.allColumns == ["stock_code", "factor", "observed_date", "publish_date", "value"])
        }
    }

    @Test("a save and a load give back every observation, every vintage, bit for bit",
          arguments: TestStoreEngine.available)
    func roundTrip(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withFreshLocation(engine) { place in
            let store = try await place.openStore()
            try await store.saveFactors(Self.factors())
            try await store.close()
            let reopened = try await place.openStore()
            #expect(try await reopened.loadFactors() == Self.factors())
            #expect(try await reopened.summary().factorValues == 7)
            try await reopened.close()
        }
    }

    @Test("loads filter by codes and factors", arguments: TestStoreEngine.available)
    func filters(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            try await store.saveFactors(Self.factors())
            let roe = try await store.loadFactors(factors: ["roe"])
            #expect(roe == Self.factors().filtered(factors: ["roe"]))
            let pufa = try await store.loadFactors(codes: [StoreFixtures.pufa, StoreFixtures.other], factors: ["roe", "total_mv"])
            #expect(pufa == Self.factors().filtered(codes: [StoreFixtures.pufa, StoreFixtures.other], factors: ["roe", "total_mv"]))
            #expect(try await store.loadFactors(codes: []).isEmpty)
        }
    }

    @Test("merge upserts by (stock, factor, observed, published) and keeps everything else",
          arguments: TestStoreEngine.available)
    func merge(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            try await store.saveFactors(Self.factors())
            let update = FactorDataSet(observations: [
                obs(StoreFixtures.pufa, "roe", 20231231, 20240830, 12.5),   // same key: new value
                obs(StoreFixtures.pufa, "roe", 20240331, 20240428, 3.0),    // new period
            ])
            try await store.saveFactors(update, mode: .merge)
            #expect(try await store.loadFactors() == Self.factors().merging(update))
            #expect(try await store.loadFactors().count == 8)
        }
    }

    @Test("replace clears the (stock, factor) pairs the set holds, nothing else", arguments: TestStoreEngine.available)
    func replace(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            try await store.saveFactors(Self.factors())
            let update = FactorDataSet(observations: [obs(StoreFixtures.pufa, "roe", 20240331, 20240428, 3.0)])
            try await store.saveFactors(update, mode: .replace)
            // pufa's roe is now only the new value; pufa's pe_ratio and pingan's roe stay.
            let expected = FactorDataSet(observations: Self.factors().observations.filter {
                !($0.code == StoreFixtures.pufa && $0.factor == "roe")
            } + update.observations)
            #expect(try await store.loadFactors() == expected)
        }
    }

    @Test("a failure after some batches landed rolls the whole save back", arguments: TestStoreEngine.available)
    func atomicity(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            try await store.saveFactors(Self.factors())
            struct Injected: Error {}
            let hooks = SaveHooks { table, statement in if table == StoreTable.factorValues && statement == 2 { throw Injected() } }
            var later = FactorDataSet()
            for i in 0..<9 { later.observations.append(obs(StoreFixtures.pingan, "pe_ratio", 20240102 + Int32(i), 20240102 + Int32(i), 1)) }
            await #expect(throws: StorageError.self) { try await store.saveFactors(later, mode: .replace, hooks: hooks, rowsPerStatement: 3) }
            #expect(try await store.loadFactors() == Self.factors())

            var nonFinite = FactorDataSet(observations: [obs(StoreFixtures.pufa, "pe_ratio", 20240104, 20240104, 7)])
            nonFinite.observations.append(obs(StoreFixtures.pufa, "pe_ratio", 20240105, 20240105, .nan))
            await #expect(throws: StorageError.self) { try await store.saveFactors(nonFinite) }
            #expect(try await store.loadFactors() == Self.factors())
        }
    }

    @Test("market data saves, replace included, leave factor values alone", arguments: TestStoreEngine.available)
    func independentOfMarketData(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            try await store.saveFactors(Self.factors())
            try await store.save(StoreFixtures.marketData(), mode: .replace)
            #expect(try await store.loadFactors() == Self.factors())
            #expect(sameData(try await store.load(), StoreFixtures.marketData()))
        }
    }
}
