import Foundation
import ZIPFoundation

/// Reads the files of a .zip deployment package with ZIPFoundation, refusing what Lambda refuses and what
/// would be unsafe to extract: paths that climb out of the package (`../`, absolute), symbolic links,
/// encrypted entries, and zip bombs (more than `maxUnzippedBytes` in all, counted as the bytes actually
/// inflate rather than as the archive claims, or more than `maxEntries` entries).
///
/// Every failure is Lambda's InvalidParameterValueException "Could not unzip uploaded file…" with the
/// reason in parentheses.
enum ZipPackageReader {
    struct Failure: Error { var reason: String }

    /// ZIP's own limit without ZIP64; a deployment package with more entries is not a real one.
    static let maxEntries = 65_535

    static func files(in data: Data, maxUnzippedBytes: Int) throws -> [String: Data] {
        do {
            return try read(data, maxUnzippedBytes: maxUnzippedBytes)
        } catch let failure as Failure {
            throw EngineError.invalidParameterValue(
                "Could not unzip uploaded file. Please check your file, then try to upload again. (\(failure.reason))")
        }
    }

    private static func read(_ data: Data, maxUnzippedBytes: Int) throws -> [String: Data] {
        // ZIPFoundation's in-memory archives read past their end on Linux (fopencookie) and trap; a file does not.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("overcast-package-\(UUID().uuidString).zip")
        // Readable by its owner only: a package is the user's code.
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw EngineError.lambdaService("Could not stage the uploaded package for reading in \(file.deletingLastPathComponent().path): errno \(errno)")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw EngineError.lambdaService("Could not stage the uploaded package for reading: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let archive: Archive
        do {
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw Failure(reason: "this is not a .zip file: no end of central directory record")
        }
        var files: [String: Data] = [:]
        var total = 0
        var count = 0
        for entry in archive {
            count += 1
            if count > maxEntries { throw Failure(reason: "the archive holds more than \(maxEntries) entries") }
            let path = entry.path
            try checkPath(path)
            switch entry.type {
            case .directory: continue
            case .symlink: throw Failure(reason: "\(path) is a symbolic link")
            case .file: break
            }
            if total + Int(clamping: entry.uncompressedSize) > maxUnzippedBytes { throw tooLarge(maxUnzippedBytes) }
            var content = Data()
            do {
                // This form of extract computes the CRC-32 but leaves the comparison to its caller.
                let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                    total += chunk.count
                    // The declared size can lie: count what really inflates.
                    if total > maxUnzippedBytes { throw tooLarge(maxUnzippedBytes) }
                    if UInt64(content.count + chunk.count) > entry.uncompressedSize {
                        throw Failure(reason: "\(path) inflates past its declared size")
                    }
                    content.append(chunk)
                }
                if checksum != entry.checksum { throw Failure(reason: "\(path) fails its CRC-32 check") }
            } catch let failure as Failure {
                throw failure
            } catch Archive.ArchiveError.invalidCRC32 {
                throw Failure(reason: "\(path) fails its CRC-32 check")
            } catch {
                throw Failure(reason: "\(path) cannot be read: \(error)")
            }
            if UInt64(content.count) != entry.uncompressedSize {
                throw Failure(reason: "\(path) is \(content.count) bytes, the archive says \(entry.uncompressedSize)")
            }
            files[path.hasSuffix("/") ? String(path.dropLast()) : path] = content
        }
        // ZIPFoundation's iterator stops quietly at an entry it cannot read (damaged, or encrypted): every
        // entry the end record declares must have been seen.
        if let declared = declaredEntryCount(data), declared != count {
            throw Failure(reason: "the archive declares \(declared) entries but only \(count) can be read (damaged or encrypted entries)")
        }
        return files
    }

    /// The entry count of the end of central directory record (nil for ZIP64, whose count lives elsewhere).
    static func declaredEntryCount(_ data: Data) -> Int? {
        let bytes = [UInt8](data.suffix(22 + 65_535))
        guard bytes.count >= 22 else { return nil }
        for start in stride(from: bytes.count - 22, through: 0, by: -1)
        where bytes[start] == 0x50 && bytes[start + 1] == 0x4B && bytes[start + 2] == 0x05 && bytes[start + 3] == 0x06 {
            let count = Int(bytes[start + 10]) | Int(bytes[start + 11]) << 8
            return count == 0xFFFF ? nil : count
        }
        return nil
    }

    /// Refuses a path that would land outside the package when extracted.
    static func checkPath(_ path: String) throws {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || path.contains("\\") || path.contains("\0") || segments.contains("..") {
            throw Failure(reason: "\(path) is outside the package: entries must be relative paths without ..")
        }
    }

    private static func tooLarge(_ limit: Int) -> Failure {
        Failure(reason: "Unzipped size must be smaller than \(limit) bytes")
    }
}
