extension TDX {
    /// 通达信 RSI(N): `LC:=REF(CLOSE,1); RSI:SMA(MAX(CLOSE−LC,0),N,1)/SMA(ABS(CLOSE−LC),N,1)*100`.
    ///
    /// Undefined at the first bar (no previous close); the smoothers start at bar 1 with their
    /// first inputs, so the first value is 100 or 0. When the second SMA is 0 (no move at all so
    /// far) TDX divides by zero; Huice answers 50, the neutral value.
    public struct RSI: StreamingIndicator {
        public let period: Int
        private var gains: TDX.SMA
        private var moves: TDX.SMA
        private var previous = Double.nan

        /// The RSI when nothing has moved yet.
        public static let flatValue = 50.0

        public init(period: Int) {
            precondition(period >= 1, "RSI period must be at least 1")
            self.period = period
            gains = TDX.SMA(period: period, weight: 1)
            moves = TDX.SMA(period: period, weight: 1)
        }

        public mutating func update(_ close: Double) -> Double {
            defer { previous = close }
            guard !previous.isNaN else { return .nan }
            let change = close - previous
            let up = gains.update(Swift.max(change, 0))
            let all = moves.update(Swift.abs(change))
            return all != 0 ? up / all * 100 : Self.flatValue
        }
    }
}
