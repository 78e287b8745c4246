#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files into byte arrays with plain POSIX calls.
///
/// The importers parse bytes, never `String`s per cell, so the file goes straight into one
/// `[UInt8]` without a `Data` round trip (a 50 MB minute file would otherwise be copied twice).
enum ByteFile {
    static func read(path: String, displayName: String) throws(DataImportError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw DataImportError(file: displayName, reason: "cannot open the file (\(errorText()))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw DataImportError(file: displayName, reason: "cannot read the file size (\(errorText()))")
        }
        let size = Int(info.st_size)
        guard size > 0 else { return [] }
        var failure: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var offset = 0
            while offset < size {
                let n = systemRead(descriptor, buffer.baseAddress! + offset, size - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errorText()
                    break
                }
                if n == 0 { break }  // the file shrank while we read it
                offset += n
            }
            initialized = offset
        }
        if let failure { throw DataImportError(file: displayName, reason: "cannot read the file (\(failure))") }
        return bytes
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}

/// `read(2)`, named apart from the many `read` methods in scope.
@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.read(fd, buffer, count)
    #elseif canImport(Musl)
    return Musl.read(fd, buffer, count)
    #else
    return Glibc.read(fd, buffer, count)
    #endif
}
