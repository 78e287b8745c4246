import Factors
import Foundation
import HuiceCore
import Synchronization
import TestSupport
import Testing
@testable import Storage

/// A settable clock for the manager.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ text: String) { current = Mutex(FactorConfigTimestamp.parse(text)!) }

    func set(_ text: String) { current.withLock { $0 = FactorConfigTimestamp.parse(text)! } }
    func advance(seconds: Double) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
    var now: Date { current.withLock { $0 } }
}

/// A valid draft for `stock`: rsi and pe_ratio, 0.6 / 0.4, rsi's period 10.
func draft(_ stock: String, description: String? = nil) -> FactorConfigDraft {
    FactorConfigDraft(stockCode: stock, technicalFactors: ["rsi"], fundamentalFactors: ["pe"],
                      factorWeights: ["rsi": 0.6, "pe": 0.4], factorParams: ["rsi": ["period": 10]],
                      description: description)
}

func time(_ text: String) -> Date { FactorConfigTimestamp.parse(text)! }

/// The error `body` throws, if any.
func thrownError(_ body: () async throws -> Void) async -> (any Error)? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}

@Suite("Factor config manager")
struct FactorConfigManagerTests {
    /// Runs `body` with a manager over a fresh store of `engine` and `clock`'s time.
    func withManager(_ engine: TestStoreEngine, _ clock: TestClock,
                     _ body: (FactorConfigManager) async throws -> Void) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            try await body(FactorConfigManager(store: store, now: { clock.now }))
        }
    }

    @Test("create stores a resolved config with a day-sequence id and the clock's time",
          arguments: TestStoreEngine.available)
    func create(engine: TestStoreEngine) async throws {
        let clock = TestClock("2024-01-07T10:00:00Z")
        try await withManager(engine, clock) { manager in
            let saved = try await manager.create(draft("sz000001", description: "示例"))
            #expect(saved.warnings == [])
            #expect(saved.config == FactorConfig(
                configID: "config_20240107_001", stockCode: StockCode(normalizing: "000001.SZ")!,
                technicalFactors: ["rsi"], fundamentalFactors: ["pe_ratio"], factorWeights: ["rsi": 0.6, "pe_ratio": 0.4],
                factorParams: ["rsi": ["period": 10]], description: "示例",
                createdAt: time("2024-01-07T10:00:00Z"), updatedAt: time("2024-01-07T10:00:00Z")))
            #expect(try await manager.get(configID: "config_20240107_001") == saved.config)
            let receipt = String(decoding: try FactorConfigJSON.document(FactorConfigCreated(saved.config)), as: UTF8.self)
            #expect(receipt == """
                {
                  "config_id" : "config_20240107_001",
                  "created_at" : "2024-01-07T10:00:00Z",
                  "stock_code" : "000001.SZ"
                }

                """)
        }
    }

    @Test("timestamps are whole seconds", arguments: TestStoreEngine.available)
    func wholeSeconds(engine: TestStoreEngine) async throws {
        let clock = TestClock("2024-01-07T10:00:00Z")
        clock.advance(seconds: 0.75)
        try await withManager(engine, clock) { manager in
            let config = try await manager.create(draft("600000.SH")).config
            #expect(config.createdAt == time("2024-01-07T10:00:00Z"))
            #expect(try await manager.get(configID: config.configID) == config)
        }
    }

    @Test("ids count per UTC day, restart at 001 on a new day, and are never reused after a delete",
          arguments: TestStoreEngine.available)
    func idSequence(engine: TestStoreEngine) async throws {
        let clock = TestClock("2024-01-07T23:59:59Z")
        try await withManager(engine, clock) { manager in
            #expect(try await manager.create(draft("600000.SH")).config.configID == "config_20240107_001")
            let second = try await manager.create(draft("600001.SH")).config.configID
            #expect(second == "config_20240107_002")
            _ = try await manager.delete(configID: second)
            #expect(try await manager.create(draft("600002.SH")).config.configID == "config_20240107_003")
            clock.set("2024-01-08T00:00:00Z")  // 08:00 in Beijing, but the id uses the UTC day
            #expect(try await manager.create(draft("600003.SH")).config.configID == "config_20240108_001")
            clock.set("2024-01-07T12:00:00Z")  // a clock set back continues that day's sequence
            #expect(try await manager.create(draft("600004.SH")).config.configID == "config_20240107_004")
        }
    }

    @Test("ids keep at least three digits and grow past 999")
    func idDigits() {
        #expect(FactorConfigRepository.configID(day: 20240107, sequence: 7) == "config_20240107_007")
        #expect(FactorConfigRepository.configID(day: 20240107, sequence: 1234) == "config_20240107_1234")
        #expect(DailyIdentifier.utcDay(time("2024-02-29T23:59:59Z")) == 20240229)
    }

    @Test("a stock has one config: a second create names the existing one (409)", arguments: TestStoreEngine.available)
    func uniqueStock(engine: TestStoreEngine) async throws {
        try await withManager(engine, TestClock("2024-01-07T10:00:00Z")) { manager in
            let first = try await manager.create(draft("000001.SZ")).config
            let error = await thrownError { _ = try await manager.create(draft("sz000001")) }
            #expect(error as? FactorConfigError == .stockAlreadyConfigured(first.stockCode, existingConfigID: first.configID))
            #expect((error as? FactorConfigError)?.statusCode == 409)
            #expect(try await manager.list().total == 1)
        }
    }

    @Test("get-by-stock finds the config in any spelling; a stock without one is 404",
          arguments: TestStoreEngine.available)
    func getByStock(engine: TestStoreEngine) async throws {
        try await withManager(engine, TestClock("2024-01-07T10:00:00Z")) { manager in
            let config = try await manager.create(draft("000001.SZ")).config
            #expect(try await manager.get(stockCode: "SZ#000001") == config)
            let missing = await thrownError { _ = try await manager.get(stockCode: "600000.SH") }
            #expect(missing as? FactorConfigError == .stockNotConfigured(StockCode(normalizing: "600000.SH")!))
            #expect((missing as? FactorConfigError)?.statusCode == 404)
            let malformed = await thrownError { _ = try await manager.get(stockCode: "??") }
            #expect(malformed as? FactorConfigError == .invalidArgument(field: "stock_code", reason: "'??' is not a stock code (e.g. 000001.SZ)"))
        }
    }

    @Test("get of an unknown id is not found (404)", arguments: TestStoreEngine.available)
    func getMissing(engine: TestStoreEngine) async throws {
        try await withManager(engine, TestClock("2024-01-07T10:00:00Z")) { manager in
            let error = await thrownError { _ = try await manager.get(configID: "config_20240107_001") }
            #expect(error as? FactorConfigError == .notFound(configID: "config_20240107_001"))
            #expect((error as? FactorConfigError)?.statusCode == 404)
        }
    }

    @Test("an invalid draft is refused with its validation result and stores nothing",
          arguments: TestStoreEngine.available)
    func createInvalid(engine: TestStoreEngine) async throws {
        try await withManager(engine, TestClock("2024-01-07T10:00:00Z")) { manager async throws in
            var bad = draft("000001.SZ")
            bad.factorWeights = ["rsi": 0.55, "pe": 0.4]
            let error = await thrownError { _ = try await manager.create(bad) }
            guard case .validationFailed(let result)? = error as? FactorConfigError else {
                Issue.record("expected validationFailed, got \(String(describing: error))")
                return
            }
            #expect(result.errors.map(\.code) == [.weightSum])
            #expect(result.errors.first?.details == ["current_sum": 0.95, "expected_sum": 1.0])
            #expect((error as? FactorConfigError)?.statusCode == 400)
            #expect(try await manager.list().total == 0)
        }
    }

    @Test("create refuses a config_id in the draft", arguments: TestStoreEngine.available)
    func createWithID(engine: TestStoreEngine) async throws {
        try await withManager(engine, TestClock("2024-01-07T10:00:00Z")) { manager in
            var withID = draft("000001.SZ")
            withID.configID = "config_20240107_009"
            let error = await thrownError { _ = try await manager.create(withID) }
            guard case .validationFailed(let result)? = error as? FactorConfigError else {
                Issue.record("expected validationFailed")
                return
            }
            #expect(result.errors.map(\.field) == ["config_id"])
            #expect(result.errors.map(\.code) == [.notAllowed])
        }
    }

    @Test("update keeps the id and created_at, bumps updated_at and replaces the content",
          arguments: TestStoreEngine.available)
    func update(engine: TestStoreEngine) async throws {
        let clock = TestClock("2024-01-07T10:00:00Z")
        try await withManager(engine, clock) { manager in
            let created = try await manager.create(draft("000001.SZ")).config
            clock.set("2024-01-07T11:30:00Z")
            let changed = FactorConfigDraft(configID: created.configID, stockCode: "000001.SZ",
                                            factors: [FactorEntry(name: "macd", weight: 0.7), FactorEntry(name: "turnover", weight: 0.3)],
                                            description: "调整权重后的组合")
            let updated = try await manager.update(configID: created.configID, with: changed).config
            #expect(updated.configID == created.configID)
            #expect(updated.createdAt == time("2024-01-07T10:00:00Z"))
            #expect(updated.updatedAt == time("2024-01-07T11:30:00Z"))
            #expect(updated.technicalFactors == ["macd"])
            #expect(updated.fundamentalFactors == [])
            #expect(updated.marketFactors == ["turnover_rate"])
            #expect(updated.factorParams == [:])
            #expect(try await manager.get(configID: created.configID) == updated)
            let receipt = String(decoding: try FactorConfigJSON.document(FactorConfigUpdated(updated)), as: UTF8.self)
            #expect(receipt.contains(#""updated_at" : "2024-01-07T11:30:00Z""#))
        }
    }

    @Test("update may move a config to a free stock, not to one that has a config",
          arguments: TestStoreEngine.available)
    func updateStock(engine: TestStoreEngine) async throws {
        try await withManager(engine, TestClock("2024-01-07T10:00:00Z")) { manager in
            let a = try await manager.create(draft("000001.SZ")).config
            let b = try await manager.create(draft("600000.SH")).config
            let error = await thrownError { _ = try await manager.update(configID: a.configID, with: draft("600000.SH")) }
            #expect(error as? FactorConfigError == .stockAlreadyConfigured(b.stockCode, existingConfigID: b.configID))
            let moved = try await manager.update(configID: a.configID, with: draft("300750.SZ")).config
            #expect(moved.stockCode.description == "300750.SZ")
            #expect(try await manager.get(stockCode: "300750.SZ").configID == a.configID)
            _ = try await manager.create(draft("000001.SZ"))  // the old stock is free again
        }
    }

    @Test("update of a missing id, an invalid draft or a mismatched config_id fails and changes nothing",
          arguments: TestStoreEngine.available)
    func updateFailures(engine: TestStoreEngine) async throws {
        try await withManager(engine, TestClock("2024-01-07T10:00:00Z")) { manager in
            let config = try await manager.create(draft("000001.SZ")).config
            let missing = await thrownError { _ = try await manager.update(configID: "config_20990101_001", with: draft("000001.SZ")) }
            #expect(missing as? FactorConfigError == .notFound(configID: "config_20990101_001"))
            var bad = draft("000001.SZ")
            bad.factorParams = ["rsi": ["period": 1]]
            let invalid = await thrownError { _ = try await manager.update(configID: config.configID, with: bad) }
            guard case .validationFailed(let result)? = invalid as? FactorConfigError else {
                Issue.record("expected validationFailed")
                return
            }
            #expect(result.errors.map(\.field) == ["factor_params.rsi.period"])
            var other = draft("000001.SZ")
            other.configID = "config_20240107_002"
            let mismatch = await thrownError { _ = try await manager.update(configID: config.configID, with: other) }
            #expect((mismatch as? FactorConfigError)?.location.field == "config_id")
            #expect(try await manager.get(configID: config.configID) == config)
        }
    }

    @Test("delete returns deleted_at; the config is gone and a second delete is not found",
          arguments: TestStoreEngine.available)
    func delete(engine: TestStoreEngine) async throws {
        let clock = TestClock("2024-01-07T10:00:00Z")
        try await withManager(engine, clock) { manager in
            let config = try await manager.create(draft("000001.SZ")).config
            clock.set("2024-01-07T12:00:00Z")
            #expect(try await manager.delete(configID: config.configID)
                == FactorConfigDeleted(configID: config.configID, deletedAt: time("2024-01-07T12:00:00Z")))
            let gone = await thrownError { _ = try await manager.get(configID: config.configID) }
            #expect(gone as? FactorConfigError == .notFound(configID: config.configID))
            let again = await thrownError { _ = try await manager.delete(configID: config.configID) }
            #expect(again as? FactorConfigError == .notFound(configID: config.configID))
            _ = try await manager.create(draft("000001.SZ"))  // the stock is free again
        }
    }

    @Test("list pages oldest first with the total; a page past the end is empty; bad page or size is refused",
          arguments: TestStoreEngine.available)
    func paging(engine: TestStoreEngine) async throws {
        let clock = TestClock("2024-01-07T10:00:00Z")
        try await withManager(engine, clock) { manager in
            var ids: [String] = []
            for i in 0..<5 {
                ids.append(try await manager.create(draft(String(format: "60000%d.SH", i))).config.configID)
                clock.advance(seconds: 60)
            }
            let first = try await manager.list(page: 1, size: 2)
            #expect(first.total == 5 && first.page == 1 && first.size == 2)
            #expect(first.configs.map(\.configID) == Array(ids[0..<2]))
            #expect(try await manager.list(page: 3, size: 2).configs.map(\.configID) == [ids[4]])
            #expect(try await manager.list(page: 4, size: 2).configs == [])
            #expect(try await manager.list().configs.map(\.configID) == ids)
            let page0 = await thrownError { _ = try await manager.list(page: 0) }
            #expect(page0 as? FactorConfigError == .invalidArgument(field: "page", reason: "page must be at least 1, got 0"))
            let size = await thrownError { _ = try await manager.list(size: 101) }
            #expect((size as? FactorConfigError)?.location.field == "size")
        }
    }

    @Test("50 concurrent creates get 50 distinct ids in one sequence", arguments: TestStoreEngine.available)
    func concurrentCreates(engine: TestStoreEngine) async throws {
        try await withManager(engine, TestClock("2024-01-07T10:00:00Z")) { manager in
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<50 {
                    group.addTask { try await manager.create(draft(String(format: "600%03d.SH", i))).config.configID }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(Set(ids).count == 50)
            #expect(Set(ids) == Set((1...50).map { FactorConfigRepository.configID(day: 20240107, sequence: $0) }))
            #expect(try await manager.list(size: 100).total == 50)
        }
    }

    @Test("50 concurrent creates for one stock: exactly one wins, the others name it",
          arguments: TestStoreEngine.available)
    func concurrentCreatesOneStock(engine: TestStoreEngine) async throws {
        try await withManager(engine, TestClock("2024-01-07T10:00:00Z")) { manager async throws in
            let outcomes = await withTaskGroup(of: Result<String, FactorConfigError>.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        do {
                            return .success(try await manager.create(draft("000001.SZ")).config.configID)
                        } catch let error as FactorConfigError {
                            return .failure(error)
                        } catch {
                            return .failure(.invalidArgument(field: "unexpected", reason: "\(error)"))
                        }
                    }
                }
                return await group.reduce(into: [Result<String, FactorConfigError>]()) { $0.append($1) }
            }
            let winners = outcomes.compactMap { try? $0.get() }
            #expect(winners == ["config_20240107_001"])
            let stock = StockCode(normalizing: "000001.SZ")!
            for case .failure(let error) in outcomes {
                #expect(error == .stockAlreadyConfigured(stock, existingConfigID: "config_20240107_001"))
            }
            #expect(try await manager.list().total == 1)
        }
    }

    @Test("configs and the id sequence survive closing and reopening the store", arguments: TestStoreEngine.available)
    func persistence(engine: TestStoreEngine) async throws {
        let clock = TestClock("2024-01-07T10:00:00Z")
        try await TestStoreDatabases.withFreshLocation(engine) { place in
            let first = try await place.openStore()
            let writer = FactorConfigManager(store: first, now: { clock.now })
            let created = try await writer.create(draft("000001.SZ", description: "持久化")).config
            let deleted = try await writer.create(draft("600000.SH")).config
            _ = try await writer.delete(configID: deleted.configID)
            try await first.close()

            let second = try await place.openStore()
            let manager = FactorConfigManager(store: second, now: { clock.now })
            #expect(try await manager.get(configID: created.configID) == created)
            #expect(try await manager.get(stockCode: "000001.SZ") == created)
            #expect(try await manager.create(draft("600000.SH")).config.configID == "config_20240107_003")
            #expect(try await second.schemaVersions().contains(3))
            try await second.close()
        }
    }
}
