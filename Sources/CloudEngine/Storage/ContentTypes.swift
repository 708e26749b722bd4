/// Guesses a content type from a key's extension, as the AWS console and CLI do.
public enum ContentTypes {
    public static let fallback = "application/octet-stream"

    public static func guess(forKey key: String) -> String {
        guard let dot = key.lastIndex(of: "."), !key[dot...].contains("/") else { return fallback }
        let ext = key[key.index(after: dot)...].lowercased()
        return byExtension[ext] ?? fallback
    }

    static let byExtension: [String: String] = [
        "txt": "text/plain", "log": "text/plain", "md": "text/markdown", "csv": "text/csv", "tsv": "text/tab-separated-values",
        "html": "text/html", "htm": "text/html", "css": "text/css", "xml": "application/xml",
        "js": "text/javascript", "mjs": "text/javascript", "json": "application/json", "jsonl": "application/jsonl",
        "ndjson": "application/x-ndjson", "yaml": "application/yaml", "yml": "application/yaml", "toml": "application/toml",
        "py": "text/x-python", "sh": "text/x-sh", "swift": "text/x-swift", "sql": "application/sql",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "svg": "image/svg+xml",
        "webp": "image/webp", "ico": "image/vnd.microsoft.icon", "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff",
        "pdf": "application/pdf", "zip": "application/zip", "gz": "application/gzip", "tgz": "application/gzip",
        "tar": "application/x-tar", "bz2": "application/x-bzip2", "xz": "application/x-xz", "7z": "application/x-7z-compressed",
        "parquet": "application/vnd.apache.parquet", "avro": "application/avro",
        "mp3": "audio/mpeg", "wav": "audio/wav", "ogg": "audio/ogg", "mp4": "video/mp4", "webm": "video/webm",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "wasm": "application/wasm",
        "xls": "application/vnd.ms-excel", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "doc": "application/msword", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]
}
