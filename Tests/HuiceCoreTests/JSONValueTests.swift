import Foundation
import HuiceCore
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test("any JSON decodes and encodes back to the same value")
    func roundTrip() throws {
        let text = #"{"a":[1,2.5,true,null,"x"],"b":{"c":false}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value == .object(["a": [1, 2.5, true, nil, "x"], "b": .object(["c": false])]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(value), as: UTF8.self) == #"{"a":[1,2.5,true,null,"x"],"b":{"c":false}}"#)
    }
}
