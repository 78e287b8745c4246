#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turning per-period figures into yearly ones. `periodsPerYear` is 252 for A-share trading days.
public enum Annualization {
    /// Compound annual growth: `growth^(1 / (periods / periodsPerYear)) − 1`, empyrical's
    /// `annual_return` given `growth = Π(1 + r)`. NaN when `periods < 1`, and NaN from `pow` for a
    /// negative growth factor (an account that lost more than everything).
    @inlinable
    public static func annualReturn(growth: Double, periods: Int, periodsPerYear: Double) -> Double {
        guard periods >= 1 else { return .nan }
        let years = Double(periods) / periodsPerYear
        return pow(growth, 1 / years) - 1
    }

    /// A per-period standard deviation scaled to a year by the square-root-of-time rule.
    @inlinable
    public static func volatility(standardDeviation: Double, periodsPerYear: Double) -> Double {
        standardDeviation * periodsPerYear.squareRoot()
    }

    /// The factor `sqrt(periodsPerYear)` that scales a per-period Sharpe-like ratio to a year.
    @inlinable
    public static func ratioScale(periodsPerYear: Double) -> Double {
        periodsPerYear.squareRoot()
    }

    /// `(1 + perPeriod)^periodsPerYear − 1`: a per-period rate compounded over a year (how
    /// empyrical annualises alpha).
    @inlinable
    public static func compound(_ perPeriod: Double, periodsPerYear: Double) -> Double {
        pow(perPeriod + 1, periodsPerYear) - 1
    }

    /// The per-period rate equivalent to a simple annual rate: `annual / periodsPerYear`, the
    /// convention empyrical users follow for `risk_free` (and seed 002 for Sharpe/Sortino).
    @inlinable
    public static func perPeriod(annualRate: Double, periodsPerYear: Double) -> Double {
        annualRate / periodsPerYear
    }
}
