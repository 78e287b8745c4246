import HuiceCore

extension Money {
    /// `Money.yuan("1234.56")` for readable expectations.
    public static func yuan(_ text: String) -> Money { Money(parsingYuan: text)! }
}

extension Price {
    public static func yuan(_ text: String) -> Price { Price(parsing: text)! }
}
