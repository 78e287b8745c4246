import Testing
import Foundation
import HuiceCore
@testable import Runtime

@Suite("Parameter grid")
struct ParameterGridTests {
    @Test("the simplex grid has C(n + k − 1, k − 1) weight vectors, each summing to 1")
    func simplexCount() {
        // 3 factors, step 0.1: 10 units in 3 parts → C(12, 2) = 66
        let vectors = ParameterGrid.simplex(.init(factors: ["a", "b", "c"], step: 0.1, minimum: 0))
        #expect(vectors.count == 66)
        for v in vectors { #expect(abs(v.reduce(0, +) - 1) < 1e-9 && v.allSatisfy { $0 >= 0 }) }
        #expect(Set(vectors.map { $0.map { Int(($0 * 10).rounded()) } }).count == 66)
        #expect(vectors.first == [1, 0, 0])
    }

    @Test("a minimum weight keeps every factor in: 3 factors, step 0.1, minimum 0.2 → C(6, 2) = 15 vectors")
    func simplexMinimum() {
        let vectors = ParameterGrid.simplex(.init(factors: ["a", "b", "c"], step: 0.1, minimum: 0.2))
        #expect(vectors.count == 15)
        #expect(vectors.allSatisfy { $0.allSatisfy { $0 >= 0.2 - 1e-12 } })
    }

    @Test("combinations are the Cartesian product, the last axis varying fastest, weights innermost")
    func productOrder() {
        let grid = ParameterGrid(axes: [.init(path: "a", values: [.number(1), .number(2)]),
                                        .init(path: "b", values: [.string("x"), .string("y"), .string("z")])],
                                 weights: .init(factors: ["f", "g"], step: 0.5, minimum: 0))
        let combinations = grid.combinations()
        #expect(grid.count == 2 * 3 * 3)
        #expect(combinations.count == 18)
        #expect(combinations.map(\.index) == Array(0..<18))
        #expect(combinations[0].values.map(\.value) == [.number(1), .string("x")])
        #expect(combinations[0].weights!.map(\.weight) == [1, 0])
        #expect(combinations[1].weights!.map(\.weight) == [0.5, 0.5])
        #expect(combinations[3].values.map(\.value) == [.number(1), .string("y")])
        #expect(combinations[17].values.map(\.value) == [.number(2), .string("z")])
    }

    @Test("a search config sets strategy keys, top-level keys and weights into the base document")
    func documentForCombination() throws {
        let json = """
        {"base": {"start_date": "2012-01-04", "end_date": "2016-12-30",
                  "strategy": {"type": "factor_score", "factors": [{"name": "rsi", "weight": 0.5, "params": {"period": 14}},
                                                                   {"name": "ma", "weight": 0.5}]}},
         "parameters": {"buy_threshold": [0.2, 0.4], "stop_loss_pct": [null, 0.05], "factor_params.rsi.period": [6]},
         "weights": {"factors": ["rsi", "ma"], "step": 0.25}}
        """
        let search = try ParameterSearchConfig.decode(Data(json.utf8), file: "s.json", baseDirectory: "/")
        #expect(search.grid.count == 2 * 2 * 1 * 5)
        let combination = search.grid.combinations()[7]
        let document = search.document(for: combination)
        // axes sorted by path: buy_threshold, factor_params.rsi.period, stop_loss_pct
        #expect(document["strategy"]?["buy_threshold"] == .number(0.2))
        #expect(document["stop_loss_pct"] == .number(0.05))
        #expect(document["strategy"]?["factor_params"]?["rsi"]?["period"] == .number(6))
        #expect(document["strategy"]?["factor_weights"]?["rsi"] == .number(0.5))
        #expect(document["strategy"]?["factors"] == nil)
    }

    @Test("search config errors name the key")
    func searchConfigErrors() {
        func error(_ json: String) -> String {
            do { _ = try ParameterSearchConfig.decode(Data(json.utf8), file: "s.json", baseDirectory: "/"); return "no error" }
            catch { return "\(error)" }
        }
        let base = #""base": {"start_date": "2012-01-04", "end_date": "2012-12-31", "strategy": {"type": "buy_and_hold"}}"#
        #expect(error("{\(base)}").contains("parameters"))
        #expect(error(#"{\#(base), "parameters": {"start_date": ["2013-01-04"]}}"#).contains("parameters.start_date"))
        #expect(error(#"{\#(base), "parameters": {"x": []}}"#).contains("non-empty"))
        #expect(error(#"{\#(base), "weights": {"factors": ["rsi"], "step": 0.3}}"#).contains("weights.step"))
        #expect(error(#"{\#(base), "parameters": {"x": [1]}, "metric": "profit"}"#).contains("metric"))
        #expect(error(#"{\#(base), "parameters": {"x": [1]}, "colour": 1}"#).contains("colour"))
        #expect(error(#"{\#(base), "parameters": {"x": [1, 2, 3]}, "max_combinations": 2}"#).contains("3 combinations"))
    }
}
