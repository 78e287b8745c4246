import Foundation
import MarketData

extension FactorRegistry {
    /// The registry as the factor importer sees it: every factor's name, aliases and import columns
    /// (`FactorSource.importColumns`, in order of preference).
    public static let columnMap = FactorColumnMap(all.map {
        FactorColumnMap.Factor(name: $0.name, aliases: $0.aliases, columns: $0.source.importColumns)
    })
}

extension FactorDataImporter {
    /// Imports factor files (Tushare `daily_basic` / `fina_indicator`, sentiment, long format;
    /// docs/DATA.md §8) with the registry's column names, strictly. Throws the first error, naming
    /// file, line, field and reason.
    public static func importFiles(_ urls: [URL]) throws(DataImportError) -> FactorDataSet {
        try importFiles(urls, columns: FactorRegistry.columnMap).data
    }

    /// Imports factor files with the registry's column names and returns the data with the report
    /// of what was read (files, rows, columns used and ignored, skipped rows).
    public static func importFiles(_ urls: [URL], options: FactorImportOptions) throws(DataImportError) -> FactorImportResult {
        try importFiles(urls, columns: FactorRegistry.columnMap, options: options)
    }
}
