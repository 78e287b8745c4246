import HuiceCore

/// Stock codes from file names, for formats whose rows do not carry the code.
///
/// `600000.SH.csv`, `sh600000.csv`, `SH#600000.txt`, `sh600000.day` and
/// `sh600036_20110728_20170726.csv` (the part before the first `_`) all give `600000.SH` /
/// `600036.SH`; `SYM000.csv` gives the generic ticker `SYM000`.
enum FileNameCode {
    static func code(fromFileName fileName: String) -> StockCode? {
        var stem = lastComponent(of: fileName)
        let ext = pathExtension(of: stem)
        if !ext.isEmpty { stem = String(stem.dropLast(ext.count + 1)) }
        if let underscore = stem.firstIndex(of: "_") { stem = String(stem[..<underscore]) }
        return StockCode(normalizing: stem)
    }

    /// The code a file's rows belong to when the rows do not say, or a located error.
    static func requireCode(fromFileName fileName: String) throws(DataImportError) -> StockCode {
        guard let code = code(fromFileName: fileName) else {
            throw DataImportError(file: fileName, reason: "cannot tell the stock code from the file name "
                                  + "(expected e.g. 600000.SH.csv, sh600000.csv or SH#600000.txt) and the file has no code column")
        }
        return code
    }

    /// `b.csv` for `a/b.csv`.
    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Lower-cased extension without the dot (`csv`), empty when there is none.
    static func pathExtension(of path: String) -> String {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
