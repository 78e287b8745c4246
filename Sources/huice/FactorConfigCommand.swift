import ArgumentParser
import Factors
import Foundation
import Storage

/// `huice factor-config …`: seed 000's factor-combination configs (docs/FACTOR_CONFIGS.md).
/// Prints the seed's JSON shapes (pretty, sorted keys) on stdout; errors go to stderr, exit 1.
struct FactorConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factor-config",
        abstract: "Create, read, update, delete, list and validate factor-combination configs (one per stock).",
        discussion: """
            A config lists factors by category (technical, fundamental, market, sentiment), weights summing to \
            1.0 and optional parameter overrides (docs/FACTOR_CONFIGS.md). create/update take --file (the seed's \
            JSON request body) or flags: --stock 000001.SZ --technical rsi,macd --fundamental pe_ratio \
            --weights rsi=0.4,macd=0.3,pe_ratio=0.3 --param rsi.period=10 --description "…".
            """,
        subcommands: [Create.self, Get.self, Update.self, Delete.self, List.self, GetByStock.self, Validate.self])

    struct StoreOption: ParsableArguments {
        @Option(name: .long, help: "The store: an SQLite file (created if missing) or a postgres://USER:PASSWORD@HOST:PORT/DATABASE URL.")
        var store = "huice-data/huice.sqlite"

        /// Runs `body` with a manager over the opened store, closing it afterwards.
        func withManager<T: Sendable>(_ body: (FactorConfigManager) async throws -> T) async throws -> T {
            let opened = try await MarketDataStore.open(location: try StoreLocation(parsing: store))
            do {
                let value = try await body(FactorConfigManager(store: opened))
                try await opened.close()
                return value
            } catch {
                try? await opened.close()
                throw error
            }
        }
    }

    struct DraftOptions: ParsableArguments {
        @Option(name: .long, help: "The config as JSON (the seed's create/update request body).")
        var file: String?
        @Option(name: .long, help: "The stock code (000001.SZ, sz000001, 000001).")
        var stock: String?
        @Option(name: .long, help: "Technical factors, comma-separated (rsi,macd).")
        var technical: [String] = []
        @Option(name: .long, help: "Fundamental factors, comma-separated (pe_ratio,roe).")
        var fundamental: [String] = []
        @Option(name: .long, help: "Market factors, comma-separated (turnover_rate).")
        var market: [String] = []
        @Option(name: .long, help: "Sentiment factors, comma-separated (news_sentiment).")
        var sentiment: [String] = []
        @Option(name: .long, help: "Weights as name=weight, comma-separated; they must sum to 1.0.")
        var weights: [String] = []
        @Option(name: .long, help: "A parameter override factor.parameter=value (rsi.period=10); repeatable.")
        var param: [String] = []
        @Option(name: .long, help: "A description of the config.")
        var description: String?
        @Flag(name: .long, help: "Accept negative weights (long-short combinations).")
        var allowNegativeWeights = false

        var flags: FactorConfigFlags {
            FactorConfigFlags(stock: stock, technical: technical, fundamental: fundamental, market: market,
                              sentiment: sentiment, weights: weights, params: param, description: description,
                              allowNegativeWeights: allowNegativeWeights)
        }

        /// The draft from --file or from the flags (not both).
        func draft() throws -> FactorConfigDraft {
            let flags = flags
            guard let file else {
                guard !flags.isEmpty else { throw ValidationError("give --file or the config's flags (--stock, --technical, --weights, …)") }
                return try flags.draft()
            }
            var others = flags
            others.allowNegativeWeights = false  // the one flag that combines with --file
            guard others.isEmpty else { throw ValidationError("give --file or flags, not both") }
            var draft = try FactorConfigDraft.read(contentsOf: file)
            draft.allowNegativeWeights = draft.allowNegativeWeights || allowNegativeWeights
            return draft
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate and store a new config; prints {config_id, stock_code, created_at}.")
        @OptionGroup var storeOption: StoreOption
        @OptionGroup var options: DraftOptions

        func run() async throws {
            try await reporting {
                let draft = try options.draft()
                let saved = try await storeOption.withManager { try await $0.create(draft) }
                warn(saved.warnings)
                try emit(FactorConfigCreated(saved.config))
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one config.")
        @OptionGroup var storeOption: StoreOption
        @Argument(help: "The config id (config_20240107_001).")
        var configID: String

        func run() async throws {
            try await reporting { try emit(try await storeOption.withManager { try await $0.get(configID: configID) }) }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace a config's content (validated like create); prints {config_id, updated_at}.",
            discussion: "The whole config is given again (as for create). The id comes from the argument or the file's config_id.")
        @OptionGroup var storeOption: StoreOption
        @Argument(help: "The config id (optional when --file has config_id).")
        var configID: String?
        @OptionGroup var options: DraftOptions

        func run() async throws {
            try await reporting {
                let draft = try options.draft()
                guard let id = configID ?? draft.configID else { throw ValidationError("give the config id (argument or config_id in --file)") }
                let saved = try await storeOption.withManager { try await $0.update(configID: id, with: draft) }
                warn(saved.warnings)
                try emit(FactorConfigUpdated(saved.config))
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a config; prints {config_id, deleted_at}.")
        @OptionGroup var storeOption: StoreOption
        @Argument(help: "The config id.")
        var configID: String

        func run() async throws {
            try await reporting { try emit(try await storeOption.withManager { try await $0.delete(configID: configID) }) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a page of configs, oldest first: {total, page, size, configs}.")
        @OptionGroup var storeOption: StoreOption
        @Option(name: .long, help: "The page, from 1.")
        var page = 1
        @Option(name: .long, help: "Configs per page (1–\(FactorConfigManager.maxPageSize)).")
        var size = 10

        func run() async throws {
            try await reporting { try emit(try await storeOption.withManager { try await $0.list(page: page, size: size) }) }
        }
    }

    struct GetByStock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get-by-stock", abstract: "Print the config of a stock.")
        @OptionGroup var storeOption: StoreOption
        @Argument(help: "The stock code (000001.SZ).")
        var stockCode: String

        func run() async throws {
            try await reporting { try emit(try await storeOption.withManager { try await $0.get(stockCode: stockCode) }) }
        }
    }

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a config without a store; prints {is_valid, errors, warnings}, exits 1 when invalid.")
        @OptionGroup var options: DraftOptions

        func run() async throws {
            try await reporting {
                let result = FactorConfigValidator().validate(try options.draft())
                try emit(result)
                guard result.isValid else { throw FactorConfigError.validationFailed(result) }
            }
        }
    }
}

/// Writes `value` as pretty JSON with sorted keys to stdout.
private func emit(_ value: some Encodable) throws {
    FileHandle.standardOutput.write(try FactorConfigJSON.document(value))
}

/// Validation warnings, one `warning: field: message` line each, on stderr.
private func warn(_ warnings: [ValidationIssue]) {
    for warning in warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
}

/// Runs `body`; a failure is printed on stderr (a validation failure one line per issue, naming
/// its field) and ends the command with exit code 1.
private func reporting(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch FactorConfigError.validationFailed(let result) {
        let lines = result.errors.map { "error: \($0)\n" } + result.warnings.map { "warning: \($0)\n" }
        FileHandle.standardError.write(Data(lines.joined().utf8))
        throw ExitCode(1)
    } catch {
        throw fail(error)
    }
}
