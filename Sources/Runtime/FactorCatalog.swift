import Foundation
import Factors

/// `huice factors` (`list`): the factor registry as a table or as JSON.
public enum FactorCatalog {
    /// The registry by category, one line per factor: name (aliases), which direction is better,
    /// parameters (default [min…max]), where the values come from, and the one-line summary.
    public static func table(_ definitions: [FactorDefinition] = FactorRegistry.all) -> String {
        let header = ["name", "better", "parameters", "source", "summary"]
        func cells(_ d: FactorDefinition) -> [String] {
            [d.aliases.isEmpty ? d.name : "\(d.name) (\(d.aliases.joined(separator: ", ")))",
             d.direction == .higherIsBetter ? "higher" : "lower",
             d.parameters.isEmpty ? "—" : d.parameters.map(parameterText).joined(separator: ", "),
             sourceText(d.source),
             d.summary]
        }
        let all = [header] + definitions.map(cells)
        let widths = (0..<header.count - 1).map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var text = "  "
            for (index, cell) in cells.enumerated() {
                text += index < widths.count ? cell.padding(toLength: widths[index] + 2, withPad: " ", startingAt: 0) : cell
            }
            return text
        }
        var lines: [String] = []
        for category in FactorCategory.allCases {
            let members = definitions.filter { $0.category == category }
            guard !members.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append("\(category.rawValue) (\(members.count))")
            lines.append(line(header))
            lines += members.map { line(cells($0)) }
        }
        lines.append("")
        lines.append("\(definitions.count) factors. \"bars\": computed from the stock's bars; \"import\": read from factor files "
                     + "by `huice factors import`, columns in order of preference (docs/DATA.md §8).")
        return lines.joined(separator: "\n")
    }

    /// The definitions as pretty-printed JSON with snake_case, sorted keys and a final newline.
    public static func json(_ definitions: [FactorDefinition] = FactorRegistry.all) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var data = try encoder.encode(definitions)
        data.append(0x0A)
        return data
    }

    static func parameterText(_ p: FactorParameter) -> String {
        "\(p.name)=\(number(p.defaultValue)) [\(number(p.minimum))…\(number(p.maximum))]"
    }

    static func sourceText(_ source: FactorSource) -> String {
        let columns = source.importColumns
        if columns.isEmpty { return "bars" }
        let imported = "import " + columns.joined(separator: " | ")
        return source.recomputableFromBars ? imported + " (or bars)" : imported
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
