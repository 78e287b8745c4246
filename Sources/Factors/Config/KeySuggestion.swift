/// "Did you mean" hints for a misspelt key or name, shared with the shells (the HTTP layer's
/// strict request bodies) so every strict reader suggests the same way as factor configs do.
public enum KeySuggestion {
    /// The candidate nearest to `text` when it is close enough (see `StrictKeys.closest`), else nil.
    public static func closest(to text: String, among candidates: [String]) -> String? {
        StrictKeys.closest(to: text, among: candidates)
    }

    /// ` (did you mean 'x'?)` when a candidate is close, else empty.
    public static func hint(for text: String, among candidates: [String]) -> String {
        StrictKeys.hint(for: text, among: candidates)
    }
}
