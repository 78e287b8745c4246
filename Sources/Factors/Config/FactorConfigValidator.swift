import HuiceCore

/// Seed 000's `ConfigValidator`: checks a factor-combination draft against the factor registry and
/// the weight rules, and resolves it (aliases → canonical names, factors → their categories,
/// stock code → `000001.SZ`). Every problem is reported, not just the first; docs/FACTOR_CONFIGS.md
/// lists the rules and messages.
///
/// Errors: stock_code missing or malformed; description too long; no factor; unknown factor; a
/// factor under another category's list; a factor listed or weighted or given parameters twice;
/// a weight for an unlisted factor; a listed factor without weight; a weight that is not finite or
/// (without `allow_negative_weights`) negative; weights not summing to 1.0 ± `weightTolerance`;
/// parameters for an unlisted factor, unknown parameter names, values out of range.
/// Warnings: a zero weight; when the sum is wrong (and positive), the weights divided by their sum
/// as `details.suggested_weights` — offered, never applied.
public struct FactorConfigValidator: Sendable {
    public struct Options: Sendable, Equatable {
        /// How far the weight sum may be from 1.0.
        public var weightTolerance: Double
        /// The longest description accepted, in characters.
        public var maxDescriptionLength: Int

        public init(weightTolerance: Double = 1e-6, maxDescriptionLength: Int = 500) {
            self.weightTolerance = weightTolerance
            self.maxDescriptionLength = maxDescriptionLength
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Validates `draft`.
    public func validate(_ draft: FactorConfigDraft) -> ValidationResult {
        check(draft).result
    }

    /// Validates `draft` and, when it is valid, resolves it.
    public func check(_ draft: FactorConfigDraft) -> FactorConfigValidation {
        var run = Run(options: options, allowNegativeWeights: draft.allowNegativeWeights)
        let stock = run.checkStockCode(draft.stockCode)
        run.checkDescription(draft.description)
        run.checkListing(draft)
        run.checkWeights(Self.weightItems(of: draft), requireListed: true)
        run.checkParameters(Self.parameterItems(of: draft))
        let result = run.result
        guard result.isValid, let stock else { return FactorConfigValidation(result: result, config: nil) }
        let description = draft.description.flatMap { $0.isEmpty ? nil : $0 }
        let config = ValidatedFactorConfig(
            stockCode: stock, technicalFactors: run.lists[.technical] ?? [],
            fundamentalFactors: run.lists[.fundamental] ?? [], marketFactors: run.lists[.market] ?? [],
            sentimentFactors: run.lists[.sentiment] ?? [], factorWeights: run.weights, factorParams: run.parameters,
            description: description)
        return FactorConfigValidation(result: result, config: config)
    }

    /// Seed 000's `validate_weights`: the weight rules alone (known factors, no duplicates, finite,
    /// not negative unless allowed, sum 1.0, the normalised suggestion), without a factor listing.
    public func validateWeights(_ weights: [String: Double], allowNegativeWeights: Bool = false) -> ValidationResult {
        var run = Run(options: options, allowNegativeWeights: allowNegativeWeights)
        run.checkWeights(weights.keys.sorted().map { ("factor_weights.\($0)", $0, weights[$0]!) }, requireListed: false)
        return run.result
    }

    static func weightItems(of draft: FactorConfigDraft) -> [(field: String, name: String, value: Double)] {
        draft.factorWeights.keys.sorted().map { ("factor_weights.\($0)", $0, draft.factorWeights[$0]!) }
            + draft.factors.enumerated().compactMap { index, entry in
                entry.weight.map { ("factors[\(index)].weight", entry.name, $0) }
            }
    }

    static func parameterItems(of draft: FactorConfigDraft) -> [(field: String, name: String, values: [String: Double])] {
        draft.factorParams.keys.sorted().map { ("factor_params.\($0)", $0, draft.factorParams[$0]!) }
            + draft.factors.enumerated().compactMap { index, entry in
                entry.params.map { ("factors[\(index)].params", entry.name, $0) }
            }
    }
}

/// What `FactorConfigValidator.check` found: the result, and the resolved config when it is valid.
public struct FactorConfigValidation: Sendable, Equatable {
    public let result: ValidationResult
    /// Non-nil exactly when `result.isValid`.
    public let config: ValidatedFactorConfig?
}

extension FactorConfigValidator {
    /// One validation pass: issues found so far and what has been resolved.
    fileprivate struct Run {
        let options: Options
        let allowNegativeWeights: Bool
        var errors: [ValidationIssue] = []
        var warnings: [ValidationIssue] = []
        /// Canonical names by category, in the order listed.
        var lists: [FactorCategory: [String]] = [:]
        /// Where each listed factor (canonical name) was first listed.
        var listedAt: [String: String] = [:]
        var listedOrder: [String] = []
        var weights: [String: Double] = [:]
        var weightedAt: [String: String] = [:]
        var parameters: [String: [String: Double]] = [:]
        var parametrisedAt: [String: String] = [:]

        init(options: Options, allowNegativeWeights: Bool) {
            self.options = options
            self.allowNegativeWeights = allowNegativeWeights
        }

        var result: ValidationResult { ValidationResult(errors: errors, warnings: warnings) }

        mutating func error(_ field: String, _ code: ValidationIssue.Code, _ message: String,
                            _ details: [String: JSONValue] = [:]) {
            errors.append(ValidationIssue(field: field, code: code, message: message, details: details))
        }

        mutating func checkStockCode(_ text: String?) -> StockCode? {
            let trimmed = text.map { String($0.trimmingASCIIWhitespace()) } ?? ""
            if trimmed.isEmpty {
                error("stock_code", .required, "stock_code is required (e.g. 000001.SZ)")
                return nil
            }
            guard let code = StockCode(normalizing: trimmed) else {
                error("stock_code", .invalidStockCode,
                      "'\(trimmed)' is not a stock code (expected e.g. 000001.SZ, sz000001 or 000001)",
                      ["value": .string(trimmed)])
                return nil
            }
            return code
        }

        mutating func checkDescription(_ description: String?) {
            guard let description, description.count > options.maxDescriptionLength else { return }
            error("description", .descriptionTooLong,
                  "description has \(description.count) characters; at most \(options.maxDescriptionLength) are allowed",
                  ["length": .number(Double(description.count)),
                   "max_length": .number(Double(options.maxDescriptionLength))])
        }

        mutating func checkListing(_ draft: FactorConfigDraft) {
            var items: [(field: String, name: String, category: FactorCategory?)] = []
            for category in FactorCategory.allCases {
                let key = FactorConfigValidator.listKey(category)
                items += draft.factors(listedUnder: category).enumerated().map { ("\(key)[\($0)]", $1, category) }
            }
            items += draft.factors.enumerated().map { ("factors[\($0)]", $1.name, nil) }
            guard !items.isEmpty else {
                error("factors", .noFactors,
                      "at least one factor is required: list factors under technical_factors, fundamental_factors, "
                      + "market_factors or sentiment_factors (or in factors)")
                return
            }
            for item in items {
                guard let definition = resolve(item.name, field: item.field) else { continue }
                let name = definition.name
                if let category = item.category, definition.category != category {
                    error(item.field, .wrongCategory,
                          "'\(name)' is a \(definition.category.rawValue) factor, not \(category.rawValue); "
                          + "list it under \(FactorConfigValidator.listKey(definition.category))",
                          ["factor": .string(name), "category": .string(definition.category.rawValue),
                           "listed_under": .string(category.rawValue)])
                }
                if let first = listedAt[name] {
                    error(item.field, .duplicateFactor,
                          "'\(name)' is listed twice (\(first) and \(item.field))" + aliasNote(item.name, name),
                          ["factor": .string(name), "first_listed_at": .string(first)])
                    continue
                }
                listedAt[name] = item.field
                listedOrder.append(name)
                lists[definition.category, default: []].append(name)
            }
        }

        mutating func checkWeights(_ items: [(field: String, name: String, value: Double)], requireListed: Bool) {
            var sum = 0.0
            var allFinite = true
            var suggestionKeys: [(key: String, value: Double)] = []
            for item in items {
                guard item.value.isFinite else {
                    allFinite = false
                    error(item.field, .invalidWeight, "the weight of '\(item.name)' must be a finite number",
                          ["factor": .string(item.name)])
                    continue
                }
                if item.value < 0 && !allowNegativeWeights {
                    error(item.field, .negativeWeight,
                          "the weight of '\(item.name)' must not be negative, got \(Self.format(item.value)) "
                          + "(set allow_negative_weights to allow short factors)",
                          ["factor": .string(item.name), "value": .number(item.value)])
                }
                if item.value == 0 {
                    warnings.append(ValidationIssue(
                        field: item.field, code: .zeroWeight,
                        message: "'\(item.name)' has weight 0: it is listed but does not contribute to the score",
                        details: ["factor": .string(item.name)]))
                }
                guard let definition = resolve(item.name, field: item.field) else {
                    sum += item.value
                    suggestionKeys.append((item.name, item.value))
                    continue
                }
                let name = definition.name
                if let first = weightedAt[name] {
                    error(item.field, .duplicateWeight,
                          "'\(name)' is weighted twice (\(first) and \(item.field))" + aliasNote(item.name, name),
                          ["factor": .string(name), "first_weighted_at": .string(first)])
                    continue
                }
                weightedAt[name] = item.field
                weights[name] = item.value
                sum += item.value  // a second weight of the same factor is an error above, not counted
                suggestionKeys.append((name, item.value))
                if requireListed && listedAt[name] == nil {
                    error(item.field, .unlistedWeight,
                          "'\(name)' has a weight but is not listed; add it to \(FactorConfigValidator.listKey(definition.category))",
                          ["factor": .string(name), "category": .string(definition.category.rawValue)])
                }
            }
            if requireListed {
                for name in listedOrder where weightedAt[name] == nil {
                    error("factor_weights.\(name)", .missingWeight,
                          "'\(name)' is listed (\(listedAt[name]!)) but has no weight; give it one (0 keeps it listed without effect)",
                          ["factor": .string(name)])
                }
            }
            guard !items.isEmpty, allFinite, sum.isFinite,
                  abs(sum - 1.0) > options.weightTolerance else { return }
            let shown = Self.rounded(sum)
            error("factor_weights", .weightSum,
                  "the weights sum to \(Self.format(shown)); they must sum to 1.0 (±\(Self.format(options.weightTolerance)))",
                  ["current_sum": .number(shown), "expected_sum": .number(1.0)])
            guard sum > 0 else { return }
            var suggested: [String: JSONValue] = [:]
            var listing: [String] = []
            for (key, value) in suggestionKeys where suggested[key] == nil {
                suggested[key] = .number(value / sum)
                listing.append("\(key)=\(Self.format((value / sum * 10_000).rounded() / 10_000))")
            }
            warnings.append(ValidationIssue(
                field: "factor_weights", code: .normalizedWeights,
                message: "each weight divided by the sum \(Self.format(shown)) gives weights summing to 1.0: "
                    + listing.joined(separator: ", ") + " (rounded here; exact values in details.suggested_weights; not applied)",
                details: ["suggested_weights": .object(suggested), "current_sum": .number(shown)]))
        }

        mutating func checkParameters(_ items: [(field: String, name: String, values: [String: Double])]) {
            for item in items {
                guard let definition = resolve(item.name, field: item.field) else { continue }
                let name = definition.name
                if let first = parametrisedAt[name] {
                    error(item.field, .duplicateParameters,
                          "'\(name)' has parameters twice (\(first) and \(item.field))" + aliasNote(item.name, name),
                          ["factor": .string(name), "first_given_at": .string(first)])
                    continue
                }
                parametrisedAt[name] = item.field
                if listedAt[name] == nil {
                    error(item.field, .unlistedParameters,
                          "'\(name)' has parameters but is not listed; add it to \(FactorConfigValidator.listKey(definition.category))",
                          ["factor": .string(name), "category": .string(definition.category.rawValue)])
                }
                var acceptable = true
                for key in item.values.keys.sorted() {
                    let value = item.values[key]!
                    let field = "\(item.field).\(key)"
                    guard let parameter = definition.parameters.first(where: { $0.name == key }) else {
                        acceptable = false
                        let message = definition.problems(with: [key: value]).first ?? "\(name) has no parameter '\(key)'"
                        error(field, .unknownParameter, message,
                              ["factor": .string(name), "parameter": .string(key),
                               "known": .array(definition.parameters.map { .string($0.name) })])
                        continue
                    }
                    if let problem = parameter.problem(with: value) {
                        acceptable = false
                        var details: [String: JSONValue] = [
                            "factor": .string(name), "parameter": .string(key),
                            "minimum": .number(parameter.minimum), "maximum": .number(parameter.maximum),
                        ]
                        if value.isFinite { details["value"] = .number(value) }
                        error(field, .invalidParameter, "\(name).\(problem)", details)
                    }
                }
                // Rules between parameters (MACD's fast < slow) once each value is acceptable alone.
                if acceptable {
                    for problem in definition.problems(with: item.values) {
                        error(item.field, .invalidParameter, problem, ["factor": .string(name)])
                    }
                }
                if !item.values.isEmpty { parameters[name] = item.values }
            }
        }

        /// The definition of `name` (trimmed, any case, aliases), or nil after reporting it unknown.
        mutating func resolve(_ name: String, field: String) -> FactorDefinition? {
            let trimmed = String(name.trimmingASCIIWhitespace())
            if let definition = FactorRegistry.definition(named: trimmed) { return definition }
            let candidates = FactorRegistry.all.flatMap { [$0.name] + $0.aliases }
            let suggestion = StrictKeys.closest(to: trimmed.lowercased(), among: candidates)
                .map { FactorRegistry.definition(named: $0)!.name }
            var details: [String: JSONValue] = ["factor": .string(trimmed)]
            details["suggestion"] = suggestion.map { .string($0) }
            error(field, .unknownFactor,
                  "unknown factor '\(trimmed)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""), details)
            return nil
        }

        private func aliasNote(_ given: String, _ canonical: String) -> String {
            given.trimmingASCIIWhitespace().lowercased() == canonical ? "" : " ('\(given)' is an alias of '\(canonical)')"
        }

        /// The sum as shown: rounded to 10 decimals, so 0.2 + 0.2 + 0.2 + 0.2 + 0.1 + 0.05 reads 0.95.
        static func rounded(_ value: Double) -> Double {
            (value * 1e10).rounded() / 1e10
        }

        /// Swift's shortest round-trip text: `0.95`, `1.0`, `1e-06`.
        static func format(_ value: Double) -> String { "\(value)" }
    }

    /// The JSON key of a category's factor list: `technical_factors`.
    static func listKey(_ category: FactorCategory) -> String { "\(category.rawValue)_factors" }
}
