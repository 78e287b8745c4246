import ArgumentParser
import Foundation
import Runtime
import Storage

/// `huice factors`: the factor registry and factor data.
struct FactorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factors",
        abstract: "List the factors Huice knows, or import fundamental, market and sentiment factor data.",
        subcommands: [List.self, ImportFiles.self],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the factor registry: name, category, direction, parameters (default [min…max]), source, summary.")

        @Flag(name: .long, help: "Print the definitions as JSON.")
        var json = false

        func run() async throws {
            do {
                if json {
                    FileHandle.standardOutput.write(try FactorCatalog.json())
                } else {
                    print(FactorCatalog.table())
                }
            } catch {
                throw fail(error)
            }
        }
    }

    struct ImportFiles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import factor data files, report what they hold, and optionally save them to a store.",
            discussion: """
                Formats are detected by header (docs/DATA.md §8): Tushare daily_basic (visible from trade_date), \
                Tushare fina_indicator (observed end_date, visible from ann_date; restatements kept as vintages), \
                news sentiment (a publish time after 15:00 is visible the next day; a day's rows are averaged) and \
                the long format stock_code,factor,observed_date,publish_date,value. An import lands whole or not at \
                all: the first bad row fails it with file, line, field and reason.
                """)

        @Argument(help: "Factor files (or directories of them) to import.")
        var paths: [String]

        @Option(name: .long, help: "Save the imported values to this store: an SQLite file (created if missing) or a postgres:// URL.")
        var into: String?

        @Flag(name: .long, help: "With --into: replace the stored values of every (stock, factor) the files hold instead of merging.")
        var replace = false

        @Flag(name: .long, help: "Skip invalid rows (each is reported) instead of failing the import.")
        var skipInvalidRows = false

        func run() async throws {
            do {
                print(try await FactorImportSummary.run(paths: paths, store: into, mode: replace ? .replace : .merge,
                                                        skipInvalidRows: skipInvalidRows))
            } catch {
                throw fail(error)
            }
        }
    }
}
