/// The language a page is rendered in: Chinese by default (the platform's users), English on request.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en

    /// The `<html lang>` value.
    public var tag: String { self == .zh ? "zh-CN" : "en" }
}
