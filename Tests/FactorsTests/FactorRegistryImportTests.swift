import Foundation
import Testing
import HuiceCore
import MarketData
@testable import Factors

@Suite("The registry as the factor importer's column map")
struct FactorRegistryImportTests {
    @Test("every registry import column maps back to its factor, with its preference rank")
    func everyColumnCovered() {
        let map = FactorRegistry.columnMap
        for definition in FactorRegistry.all {
            for (rank, column) in definition.source.importColumns.enumerated() {
                let resolved = map.factor(forColumn: column)
                #expect(resolved?.name == definition.name, "\(column)")
                #expect(resolved?.rank == rank, "\(column)")
                #expect(map.factor(forColumn: column.uppercased())?.name == definition.name)
            }
        }
        #expect(map.names == FactorRegistry.all.map(\.name))
    }

    @Test("no column is claimed by two factors, and no alias names two factors")
    func noOverlaps() {
        let columns = FactorRegistry.all.flatMap(\.source.importColumns).map { $0.lowercased() }
        #expect(Set(columns).count == columns.count)
        let names = FactorRegistry.all.flatMap { [$0.name] + $0.aliases }.map { $0.lowercased() }
        #expect(Set(names).count == names.count)
    }

    @Test("names and aliases resolve as the registry resolves them")
    func namesResolve() {
        let map = FactorRegistry.columnMap
        for definition in FactorRegistry.all {
            for name in [definition.name] + definition.aliases {
                #expect(map.canonicalName(name) == FactorRegistry.definition(named: name)?.name)
            }
        }
        #expect(map.canonicalName("no_such_factor") == nil)
    }

    @Test("the Tushare columns the brief names feed the expected factors")
    func tushareColumns() {
        let map = FactorRegistry.columnMap
        let expected = [
            "pe_ttm": "pe_ratio", "pe": "pe_ratio", "pb": "pb_ratio", "ps_ttm": "ps_ratio", "ps": "ps_ratio",
            "dv_ttm": "dividend_yield", "dv_ratio": "dividend_yield", "turnover_rate": "turnover_rate",
            "volume_ratio": "volume_ratio", "total_mv": "total_mv", "circ_mv": "circ_mv", "float_share": "float_share",
            "roe": "roe", "roa": "roa", "grossprofit_margin": "gross_margin", "netprofit_margin": "net_margin",
            "debt_to_assets": "debt_to_assets", "or_yoy": "revenue_growth", "netprofit_yoy": "profit_growth",
            "news_sentiment": "news_sentiment",
        ]
        for (column, factor) in expected { #expect(map.factor(forColumn: column)?.name == factor, "\(column)") }
        #expect(map.factor(forColumn: "pe_ttm")!.rank < map.factor(forColumn: "pe")!.rank)
    }

    @Test("FactorDataImporter.importFiles(_:) reads with the registry and yields canonical names")
    func registryImport() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("huice-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("daily_basic.csv")
        try Data("ts_code,trade_date,pe,pe_ttm,dv_ratio,circ_mv\n600000.SH,20240102,6.5,6.1,4.2,2800000\n".utf8).write(to: url)
        let data = try FactorDataImporter.importFiles([url])
        #expect(data.observations.map(\.factor) == ["circ_mv", "dividend_yield", "pe_ratio"])
        #expect(data.observations.map(\.value) == [2_800_000, 4.2, 6.1])
        let result = try FactorDataImporter.importFiles([url], options: FactorImportOptions())
        #expect(result.report.files.first?.ignoredColumns == ["pe (pe_ratio is read from pe_ttm)"])
    }
}
