import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The cells of a worksheet part as an independent reader sees them: parsed with XMLParser (so
/// the part must be well-formed), keyed by reference (`B2`).
struct SheetCells {
    struct Cell: Equatable {
        /// The `t` attribute (`inlineStr`), nil for a number.
        var type: String?
        /// The `s` attribute, nil for the default style.
        var style: Int?
        /// `<v>` for numbers, the `<t>` text for inline strings.
        var content: String
    }

    var cells: [String: Cell] = [:]

    init(xml: Data) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: xml)
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        cells = delegate.cells
    }

    subscript(reference: String) -> Cell? { cells[reference] }

    private final class Delegate: NSObject, XMLParserDelegate {
        var cells: [String: Cell] = [:]
        var reference: String?
        var cell: Cell?
        var collecting = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "c":
                reference = attributes["r"]
                cell = Cell(type: attributes["t"], style: attributes["s"].flatMap { Int($0) }, content: "")
            case "v", "t": collecting = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if collecting { cell?.content += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t": collecting = false
            case "c":
                if let reference, let cell { cells[reference] = cell }
                reference = nil
                cell = nil
            default: break
            }
        }
    }
}
