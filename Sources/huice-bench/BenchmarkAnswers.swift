import Foundation
import HuiceCore

/// `answers.json` of the benchmark workloads: the exact final values (integer-cent arithmetic)
/// that backtrader, backtesting.py, vectorbt and NautilusTrader reproduce.
struct BenchmarkAnswers: Decodable {
    struct Run: Decodable {
        var finalValue: Double
        var entries: Int?
        var exits: Int?
        var orders: Int?
        var rebalances: Int?

        enum CodingKeys: String, CodingKey {
            case finalValue = "final_value", entries, exits, orders, rebalances
        }

        var money: Money { Money(roundingYuan: finalValue) }
    }

    var w1: [String: Run]
    var w2: Run
    var w3: Run

    static func load(from directory: String) throws -> BenchmarkAnswers {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("answers.json")
        return try JSONDecoder().decode(BenchmarkAnswers.self, from: Data(contentsOf: url))
    }
}
