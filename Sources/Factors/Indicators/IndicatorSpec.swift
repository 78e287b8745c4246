/// Which indicator to compute with which parameters, parsed from text such as `sma:5`,
/// `macd:12:26:9`, `boll:20:2`, `stoch:9:3:3`, `kdj:9:3:3`, `obv`, `vr:5`, `vol:20`.
///
/// Parameters are positional after the name, separated by `:`; trailing ones may be left out
/// where the indicator has defaults (`IndicatorSpec.grammar` lists them). Names are
/// case-insensitive. A spec does not carry the style: the same spec is computed TA-Lib's or
/// 通达信's way by `IndicatorCalculator`.
public struct IndicatorSpec: Hashable, Sendable {
    /// The indicator and its validated parameters.
    public enum Kind: Hashable, Sendable {
        case sma(period: Int)
        case ema(period: Int)
        case wma(period: Int)
        case rsi(period: Int)
        /// `fast` ≤ `slow` (a spec written the other way round is swapped, as TA-Lib does).
        case macd(fast: Int, slow: Int, signal: Int)
        case bollinger(period: Int, deviations: Double)
        case stochastic(fastK: Int, slowK: Int, slowD: Int)
        case kdj(period: Int, kSmoothing: Int, dSmoothing: Int)
        case atr(period: Int)
        case obv
        case roc(period: Int)
        case momentum(period: Int)
        case volatility(period: Int)
        case volumeRatio(period: Int)
    }

    public let kind: Kind

    /// `kind` after checking its parameters against the same limits as parsing.
    public init(_ kind: Kind) throws(IndicatorSpecError) {
        let form = Self.form(of: kind)
        let values = Self.parameters(of: kind)
        let text = ([form.name] + values.map(Self.format)).joined(separator: ":")
        for (i, (value, parameter)) in zip(values, form.parameters).enumerated() {
            try parameter.check(value, position: i + 1, token: Self.format(value), spec: text)
        }
        self.kind = Self.normalized(kind)
    }

    /// Parses `text`, e.g. `macd:12:26:9`. Throws an `IndicatorSpecError` naming the token and the
    /// reason: an unknown name (with the known ones), a parameter that is not a number, out of
    /// range, missing or one too many.
    public init(parsing text: String) throws(IndicatorSpecError) {
        let spec = String(text.trimmingASCIIWhitespace())
        guard !spec.isEmpty else { throw IndicatorSpecError(spec: "", reason: "empty indicator spec") }
        let tokens = spec.split(separator: ":", omittingEmptySubsequences: false).map {
            String($0.trimmingASCIIWhitespace())
        }
        let name = tokens[0].lowercased()
        guard let form = Self.forms.first(where: { $0.name == name || $0.aliases.contains(name) }) else {
            throw IndicatorSpecError(spec: spec, reason: "unknown indicator '\(tokens[0])' (known: \(Self.names.joined(separator: ", ")))")
        }
        let given = tokens.dropFirst()
        guard given.count <= form.parameters.count else {
            let most = form.parameters.count
            throw IndicatorSpecError(
                spec: spec,
                reason: most == 0 ? "'\(form.name)' takes no parameters"
                    : "'\(form.name)' takes at most \(most) parameter\(most == 1 ? "" : "s") (\(form.parameterList)), got \(given.count)")
        }
        var values: [Double] = []
        for (i, parameter) in form.parameters.enumerated() {
            let position = i + 1
            if i < given.count {
                let token = given[given.startIndex + i]
                values.append(try parameter.parse(token, position: position, spec: spec))
            } else if let fallback = parameter.defaultValue {
                values.append(fallback)
            } else {
                throw IndicatorSpecError(spec: spec, reason: "missing parameter \(position) (\(parameter.name))")
            }
        }
        kind = Self.normalized(form.make(values))
    }

    /// The canonical text of this spec, e.g. `macd:12:26:9`, `boll:20:2`, `obv`.
    public var text: String {
        ([Self.form(of: kind).name] + Self.parameters(of: kind).map(Self.format)).joined(separator: ":")
    }

    /// The output column names, in the order `IndicatorCalculator.compute` returns the outputs
    /// (the CSV contract of `huice indicators`, docs/INDICATORS.md). They do not depend on the style.
    public var outputNames: [String] {
        switch kind {
        case .sma(let n): ["sma_\(n)"]
        case .ema(let n): ["ema_\(n)"]
        case .wma(let n): ["wma_\(n)"]
        case .rsi(let n): ["rsi_\(n)"]
        case .macd: ["macd_dif", "macd_dea", "macd_hist"]
        case .bollinger: ["boll_upper", "boll_middle", "boll_lower", "boll_pctb", "boll_width"]
        case .stochastic: ["stoch_k", "stoch_d"]
        case .kdj: ["kdj_k", "kdj_d", "kdj_j"]
        case .atr(let n): ["atr_\(n)"]
        case .obv: ["obv"]
        case .roc(let n): ["roc_\(n)"]
        case .momentum(let n): ["mom_\(n)"]
        case .volatility(let n): ["volatility_\(n)"]
        case .volumeRatio(let n): ["volume_ratio_\(n)"]
        }
    }

    /// The known indicator names, in the order of the documentation.
    public static var names: [String] { forms.map(\.name) }

    /// One line per indicator: its name, aliases, parameters with defaults and limits, e.g.
    /// `macd:fast:slow:signal  fast 2…100000 (12), slow 2…100000 (26), signal 1…100000 (9)`.
    public static var grammar: [String] {
        forms.map { form in
            let head = ([form.name] + form.parameters.map(\.name)).joined(separator: ":")
            let aliases = form.aliases.isEmpty ? "" : " (also \(form.aliases.joined(separator: ", ")))"
            let details = form.parameters.map { p in
                "\(p.name) \(p.describeRange)" + (p.defaultValue.map { " default \(format($0))" } ?? "")
            }
            return head + aliases + (details.isEmpty ? "" : ": " + details.joined(separator: ", "))
        }
    }
}

extension IndicatorSpec: CustomStringConvertible {
    public var description: String { text }
}

// MARK: - The table of indicators

extension IndicatorSpec {
    /// A parameter's name, limits and default.
    struct Parameter: Sendable {
        var name: String
        var minimum: Double
        var maximum: Double = 100_000
        var defaultValue: Double?
        /// Integer (periods) or any finite number (band widths).
        var isInteger = true

        var describeRange: String {
            isInteger ? "\(IndicatorSpec.format(minimum))…\(IndicatorSpec.format(maximum))"
                : "≥ \(IndicatorSpec.format(minimum))"
        }

        func parse(_ token: String, position: Int, spec: String) throws(IndicatorSpecError) -> Double {
            let value: Double
            if isInteger {
                guard let n = Int(token) else {
                    throw IndicatorSpecError(spec: spec, reason: "parameter \(position) '\(token)' is not an integer")
                }
                value = Double(n)
            } else {
                guard let x = Double(token), x.isFinite else {
                    throw IndicatorSpecError(spec: spec, reason: "parameter \(position) '\(token)' is not a number")
                }
                value = x
            }
            try check(value, position: position, token: token, spec: spec)
            return value
        }

        func check(_ value: Double, position: Int, token: String, spec: String) throws(IndicatorSpecError) {
            guard value.isFinite else {
                throw IndicatorSpecError(spec: spec, reason: "parameter \(position) '\(token)' is not a number")
            }
            if value < minimum {
                throw IndicatorSpecError(spec: spec, reason: "parameter \(position) '\(token)' (\(name)) must be at least \(IndicatorSpec.format(minimum))")
            }
            if isInteger && value > maximum {
                throw IndicatorSpecError(spec: spec, reason: "parameter \(position) '\(token)' (\(name)) must be at most \(IndicatorSpec.format(maximum))")
            }
        }
    }

    /// How an indicator is written: its name, aliases and parameters.
    struct Form: Sendable {
        var name: String
        var aliases: [String] = []
        var parameters: [Parameter]
        var make: @Sendable ([Double]) -> Kind

        var parameterList: String { parameters.map(\.name).joined(separator: ", ") }
    }

    /// Every indicator. The lower limits are TA-Lib's (its SMA/EMA/WMA accept 1, RSI and BBANDS
    /// need 2, MACD's fast and slow periods 2); the volatility needs 2 returns for a sample
    /// deviation. Defaults follow TA-Lib except the stochastic's fast %K, 9 (the A-share habit,
    /// shared with KDJ) rather than TA-Lib's 5.
    static let forms: [Form] = [
        Form(name: "sma", aliases: ["ma"], parameters: [Parameter(name: "period", minimum: 1)]) { .sma(period: Int($0[0])) },
        Form(name: "ema", parameters: [Parameter(name: "period", minimum: 1)]) { .ema(period: Int($0[0])) },
        Form(name: "wma", parameters: [Parameter(name: "period", minimum: 1)]) { .wma(period: Int($0[0])) },
        Form(name: "rsi", parameters: [Parameter(name: "period", minimum: 2, defaultValue: 14)]) { .rsi(period: Int($0[0])) },
        Form(name: "macd", parameters: [
            Parameter(name: "fast", minimum: 2, defaultValue: 12), Parameter(name: "slow", minimum: 2, defaultValue: 26),
            Parameter(name: "signal", minimum: 1, defaultValue: 9),
        ]) { .macd(fast: Int($0[0]), slow: Int($0[1]), signal: Int($0[2])) },
        Form(name: "boll", aliases: ["bbands"], parameters: [
            Parameter(name: "period", minimum: 2, defaultValue: 20),
            Parameter(name: "deviations", minimum: 0, defaultValue: 2, isInteger: false),
        ]) { .bollinger(period: Int($0[0]), deviations: $0[1]) },
        Form(name: "stoch", parameters: [
            Parameter(name: "fastk", minimum: 1, defaultValue: 9), Parameter(name: "slowk", minimum: 1, defaultValue: 3),
            Parameter(name: "slowd", minimum: 1, defaultValue: 3),
        ]) { .stochastic(fastK: Int($0[0]), slowK: Int($0[1]), slowD: Int($0[2])) },
        Form(name: "kdj", parameters: [
            Parameter(name: "n", minimum: 1, defaultValue: 9), Parameter(name: "m1", minimum: 1, defaultValue: 3),
            Parameter(name: "m2", minimum: 1, defaultValue: 3),
        ]) { .kdj(period: Int($0[0]), kSmoothing: Int($0[1]), dSmoothing: Int($0[2])) },
        Form(name: "atr", parameters: [Parameter(name: "period", minimum: 1, defaultValue: 14)]) { .atr(period: Int($0[0])) },
        Form(name: "obv", parameters: []) { _ in .obv },
        Form(name: "roc", parameters: [Parameter(name: "period", minimum: 1, defaultValue: 10)]) { .roc(period: Int($0[0])) },
        Form(name: "mom", aliases: ["mtm"], parameters: [Parameter(name: "period", minimum: 1, defaultValue: 10)]) {
            .momentum(period: Int($0[0]))
        },
        Form(name: "vol", aliases: ["volatility"], parameters: [Parameter(name: "period", minimum: 2, defaultValue: 20)]) {
            .volatility(period: Int($0[0]))
        },
        Form(name: "vr", aliases: ["volume_ratio"], parameters: [Parameter(name: "period", minimum: 1, defaultValue: 5)]) {
            .volumeRatio(period: Int($0[0]))
        },
    ]

    static func form(of kind: Kind) -> Form {
        let name = switch kind {
        case .sma: "sma"
        case .ema: "ema"
        case .wma: "wma"
        case .rsi: "rsi"
        case .macd: "macd"
        case .bollinger: "boll"
        case .stochastic: "stoch"
        case .kdj: "kdj"
        case .atr: "atr"
        case .obv: "obv"
        case .roc: "roc"
        case .momentum: "mom"
        case .volatility: "vol"
        case .volumeRatio: "vr"
        }
        return forms.first { $0.name == name }!
    }

    static func parameters(of kind: Kind) -> [Double] {
        switch kind {
        case .sma(let n), .ema(let n), .wma(let n), .rsi(let n), .atr(let n), .roc(let n), .momentum(let n),
             .volatility(let n), .volumeRatio(let n):
            [Double(n)]
        case .macd(let f, let s, let g): [Double(f), Double(s), Double(g)]
        case .bollinger(let n, let k): [Double(n), k]
        case .stochastic(let a, let b, let c), .kdj(let a, let b, let c): [Double(a), Double(b), Double(c)]
        case .obv: []
        }
    }

    /// MACD with the smaller period first, so `macd:26:12:9` and `macd:12:26:9` are one spec.
    static func normalized(_ kind: Kind) -> Kind {
        if case .macd(let f, let s, let g) = kind, s < f { return .macd(fast: s, slow: f, signal: g) }
        return kind
    }

    /// `20`, `2`, `2.5`: integers without a fraction, other numbers in Swift's shortest form.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }
}
