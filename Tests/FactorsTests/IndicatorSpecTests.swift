import Foundation
import Testing
@testable import Factors

private func parse(_ text: String) throws -> IndicatorSpec { try IndicatorSpec(parsing: text) }

/// The message a bad spec gives.
private func message(_ text: String) -> String? {
    do {
        _ = try IndicatorSpec(parsing: text)
        return nil
    } catch {
        return error.description
    }
}

@Suite("Indicator specs: parsing, defaults, column names and errors")
struct IndicatorSpecTests {
    @Test("specs parse to their kinds, with the contract's column names")
    func goodSpecs() throws {
        let cases: [(String, IndicatorSpec.Kind, [String])] = [
            ("sma:5", .sma(period: 5), ["sma_5"]),
            ("ema:12", .ema(period: 12), ["ema_12"]),
            ("wma:10", .wma(period: 10), ["wma_10"]),
            ("rsi:14", .rsi(period: 14), ["rsi_14"]),
            ("macd:12:26:9", .macd(fast: 12, slow: 26, signal: 9), ["macd_dif", "macd_dea", "macd_hist"]),
            ("boll:20:2", .bollinger(period: 20, deviations: 2),
             ["boll_upper", "boll_middle", "boll_lower", "boll_pctb", "boll_width"]),
            ("stoch:9:3:3", .stochastic(fastK: 9, slowK: 3, slowD: 3), ["stoch_k", "stoch_d"]),
            ("kdj:9:3:3", .kdj(period: 9, kSmoothing: 3, dSmoothing: 3), ["kdj_k", "kdj_d", "kdj_j"]),
            ("atr:14", .atr(period: 14), ["atr_14"]),
            ("obv", .obv, ["obv"]),
            ("roc:10", .roc(period: 10), ["roc_10"]),
            ("mom:10", .momentum(period: 10), ["mom_10"]),
            ("vol:20", .volatility(period: 20), ["volatility_20"]),
            ("vr:5", .volumeRatio(period: 5), ["volume_ratio_5"]),
        ]
        for (text, kind, names) in cases {
            let spec = try parse(text)
            #expect(spec.kind == kind, "\(text)")
            #expect(spec.outputNames == names, "\(text)")
            #expect(spec.text == text, "canonical text of \(text)")
        }
    }

    @Test("omitted trailing parameters take the documented defaults")
    func defaults() throws {
        #expect(try parse("vr").kind == .volumeRatio(period: 5))
        #expect(try parse("macd").kind == .macd(fast: 12, slow: 26, signal: 9))
        #expect(try parse("macd:5").kind == .macd(fast: 5, slow: 26, signal: 9))
        #expect(try parse("boll").kind == .bollinger(period: 20, deviations: 2))
        #expect(try parse("kdj").kind == .kdj(period: 9, kSmoothing: 3, dSmoothing: 3))
        #expect(try parse("stoch").kind == .stochastic(fastK: 9, slowK: 3, slowD: 3))
        #expect(try parse("rsi").kind == .rsi(period: 14))
        #expect(try parse("atr").kind == .atr(period: 14))
        #expect(try parse("vol").kind == .volatility(period: 20))
        #expect(try parse("roc").kind == .roc(period: 10))
    }

    @Test("names are case-insensitive, blanks are trimmed, aliases map to the canonical name")
    func leniency() throws {
        #expect(try parse(" SMA:5 ").kind == .sma(period: 5))
        #expect(try parse("ma:5") == parse("sma:5"))
        #expect(try parse("bbands:20:2") == parse("boll:20:2"))
        #expect(try parse("mtm:10") == parse("mom:10"))
        #expect(try parse("boll:20:2.5").kind == .bollinger(period: 20, deviations: 2.5))
        #expect(try parse("boll:20:2.5").text == "boll:20:2.5")
    }

    @Test("a MACD with the slow period first is the same spec, as TA-Lib swaps them")
    func macdSwap() throws {
        #expect(try parse("macd:26:12:9") == parse("macd:12:26:9"))
        #expect(try parse("macd:26:12:9").text == "macd:12:26:9")
    }

    @Test("bad specs name the token and the reason")
    func badSpecs() {
        #expect(message("macd:12:a:9") == "macd:12:a:9: parameter 2 'a' is not an integer")
        #expect(message("foo:3") == "foo:3: unknown indicator 'foo' (known: sma, ema, wma, rsi, macd, boll, stoch, kdj, atr, obv, roc, mom, vol, vr)")
        #expect(message("sma") == "sma: missing parameter 1 (period)")
        #expect(message("sma:0") == "sma:0: parameter 1 '0' (period) must be at least 1")
        #expect(message("rsi:1") == "rsi:1: parameter 1 '1' (period) must be at least 2")
        #expect(message("sma:200000") == "sma:200000: parameter 1 '200000' (period) must be at most 100000")
        #expect(message("sma:5:3") == "sma:5:3: 'sma' takes at most 1 parameter (period), got 2")
        #expect(message("macd:1:2:3:4") == "macd:1:2:3:4: 'macd' takes at most 3 parameters (fast, slow, signal), got 4")
        #expect(message("obv:3") == "obv:3: 'obv' takes no parameters")
        #expect(message("boll:20:x") == "boll:20:x: parameter 2 'x' is not a number")
        #expect(message("boll:20:inf") == "boll:20:inf: parameter 2 'inf' is not a number")
        #expect(message("boll:20:-1") == "boll:20:-1: parameter 2 '-1' (deviations) must be at least 0")
        #expect(message("sma:5.5") == "sma:5.5: parameter 1 '5.5' is not an integer")
        #expect(message("macd:12::9") == "macd:12::9: parameter 2 '' is not an integer")
        #expect(message("  ") == "empty indicator spec")
    }

    @Test("the error is a LocalizedError and a LocatedError naming the spec")
    func errorShape() throws {
        do {
            _ = try IndicatorSpec(parsing: "ema:x")
            Issue.record("expected an error")
        } catch {
            #expect(error.spec == "ema:x")
            #expect(error.reason == "parameter 1 'x' is not an integer")
            #expect(error.location.field == "ema:x")
            #expect((error as any LocalizedError).errorDescription == "ema:x: parameter 1 'x' is not an integer")
        }
    }

    @Test("a kind built in code is checked against the same limits")
    func kindValidation() throws {
        #expect(throws: IndicatorSpecError.self) { try IndicatorSpec(.sma(period: 0)) }
        #expect(throws: IndicatorSpecError.self) { try IndicatorSpec(.bollinger(period: 20, deviations: .nan)) }
        #expect(try IndicatorSpec(.macd(fast: 26, slow: 12, signal: 9)).kind == .macd(fast: 12, slow: 26, signal: 9))
    }

    @Test("the grammar lists every indicator with its defaults")
    func grammar() {
        #expect(IndicatorSpec.grammar.count == IndicatorSpec.names.count)
        #expect(IndicatorSpec.grammar.contains("macd:fast:slow:signal: fast 2…100000 default 12, slow 2…100000 default 26, signal 1…100000 default 9"))
    }
}
