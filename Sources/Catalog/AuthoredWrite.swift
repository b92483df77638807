import Foundation
import GIFT
import Markdown

#if canImport(Glibc)
  import Glibc
#endif

/// The one path by which authored content reaches disk (`relais quiz fmt`, `relais new`, the
/// lesson editor, media uploads, and any editor to come): render, write a temporary file in
/// the same folder, fsync it, read it back and compare what it says with what the writer
/// meant, and only then rename it over the target and fsync the folder. On a mismatch
/// nothing is replaced and the error names the question or key and the field that would
/// have changed.
extension CatalogLoader {
  public enum WriteMode: Sendable {
    /// The file must not exist yet (`relais new`, uploads); it is never overwritten.
    case create
    /// The file is replaced whole (editors, `quiz fmt`).
    case replace
  }

  /// A quiz: `text` must read back as `questions` with `settings`.
  public static func writeQuiz(
    _ text: String, meaning questions: [Question], settings: QuizSettings, to url: URL,
    mode: WriteMode = .replace
  ) throws {
    try writeVerified(Array(text.utf8), to: url, mode: mode) { back in
      GIFT.roundTripProblems(
        questions, settings: settings, in: String(decoding: back, as: UTF8.self),
        path: url.lastPathComponent
      ).map(\.description)
    }
  }

  /// A Markdown file: what is written must have the front matter and body of `meaning`
  /// (the text the writer means, e.g. as typed in the editor before line endings were
  /// converted).
  public static func writeMarkdown(
    _ bytes: [UInt8], meaning: String, to url: URL, mode: WriteMode = .replace
  ) throws {
    // Line endings are not meaning: a browser sends CRLF, the file keeps its own.
    let meant = FrontMatter.parse(lineFeeds(meaning))
    try writeVerified(bytes, to: url, mode: mode) { back in
      markdownProblems(
        meant, FrontMatter.parse(lineFeeds(String(decoding: back, as: UTF8.self))))
    }
  }

  /// A Markdown file made from front matter fields and a body (`relais new`): values are
  /// quoted where the front matter reader would otherwise change them.
  public static func writeMarkdown(
    fields: [(String, FrontMatter.Value)], body: String, to url: URL, mode: WriteMode = .create
  ) throws {
    let text = renderFrontMatter(fields) + body
    try writeVerified(Array(text.utf8), to: url, mode: mode) { back in
      let got = FrontMatter.parse(String(decoding: back, as: UTF8.self))
      var problems = got.problems.map { "line \($0.line): \($0.message)" }
      let want = fields.map { "\($0.0): \($0.1)" }
      let have = got.entries.map { "\($0.key): \($0.value)" }
      if want != have { problems.append("the front matter would read \(have), not \(want)") }
      if got.body != body { problems.append("the text after the front matter would change") }
      return problems
    }
  }

  /// CRLF and a lone CR as LF, as the editor turns a browser's line breaks into the file's.
  static func lineFeeds(_ s: String) -> String {
    s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
  }

  /// Front matter and body of what was meant against what reads back, by key.
  static func markdownProblems(_ meant: FrontMatter, _ got: FrontMatter) -> [String] {
    var out: [String] = []
    let keys = meant.entries.map(\.key) + got.entries.map(\.key).filter { meant[$0] == nil }
    for key in keys where meant[key] != got[key] {
      out.append("front matter '\(key)' would change")
    }
    if meant.problems.map(\.message) != got.problems.map(\.message) {
      out.append("the front matter would read differently")
    }
    if meant.body != got.body { out.append("the text after the front matter would change") }
    return out
  }

  /// `---`, one `key: value` line per field (lists as `  - item`), `---`.
  static func renderFrontMatter(_ fields: [(String, FrontMatter.Value)]) -> String {
    var s = "---\n"
    for (key, value) in fields {
      switch value {
      case .scalar(let v): s += "\(key): \(quotedIfNeeded(v))\n"
      case .list(let items):
        s += "\(key):\n"
        for item in items { s += "  - \(quotedIfNeeded(item))\n" }
      }
    }
    return s + "---\n"
  }

  /// The reader trims values, strips one pair of quotes and reads `[a, b]` as a list: a
  /// value it would change is written in double quotes, which it strips again.
  static func quotedIfNeeded(_ v: String) -> String {
    let changes =
      v != v.trimmingCharacters(in: .whitespaces) || v.hasPrefix("\"") || v.hasPrefix("'")
      || (v.hasPrefix("[") && v.hasSuffix("]"))
    return changes ? "\"\(v)\"" : v
  }

  /// Bytes with no structure to compare (pictures): what reads back must be the same bytes.
  public static func writeBytes(_ bytes: [UInt8], to url: URL, mode: WriteMode) throws {
    try writeVerified(bytes, to: url, mode: mode) { back in
      back == bytes ? [] : ["the file read back differs from what was sent"]
    }
  }

  /// Kept for callers that write plain bytes; it goes through the same verified path.
  public static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
    try writeBytes(bytes, to: url, mode: .replace)
  }

  /// Temporary file (a dot name without `.md`/`.gift`, so the loader skips it), fsync,
  /// read back and `check`, then rename (or link, for `.create`, which fails rather than
  /// overwrite) and fsync the folder so the new name survives a power cut. `check` returns
  /// what would change (empty: write); a new kind of file (strings, …) brings its own.
  public static func writeVerified(
    _ bytes: [UInt8], to url: URL, mode: WriteMode, check: ([UInt8]) -> [String]
  ) throws {
    let folder = url.deletingLastPathComponent()
    let name = url.lastPathComponent
    if mode == .create && FileManager.default.fileExists(atPath: url.path) {
      throw AuthoringError("teach.error.exists", "\(name) already exists")
    }
    let temp = folder.appendingPathComponent(".\(name).\(UInt32.random(in: 0...UInt32.max)).tmp")
    defer { unlink(temp.path) }
    guard writeAndSync(bytes, path: temp.path) else {
      throw AuthoringError("teach.error.write", "cannot write in \(folder.path)")
    }
    guard let back = FileManager.default.contents(atPath: temp.path) else {
      throw AuthoringError("teach.error.write", "cannot read back \(temp.path)")
    }
    let problems = check([UInt8](back))
    if !problems.isEmpty {
      throw AuthoringError(
        "teach.error.roundTrip",
        "\(url.path): nothing written, it would not read back the same: "
          + problems.joined(separator: "; "))
    }
    switch mode {
    case .replace:
      guard rename(temp.path, url.path) == 0 else {
        throw AuthoringError("teach.error.write", "cannot replace \(url.path)")
      }
    case .create:
      if link(temp.path, url.path) != 0 {
        if errno == EEXIST { throw AuthoringError("teach.error.exists", "\(name) already exists") }
        // A file system without hard links: checked above, so rename (a race with another
        // writer of the same new name is the only loss).
        guard !FileManager.default.fileExists(atPath: url.path), rename(temp.path, url.path) == 0
        else { throw AuthoringError("teach.error.write", "cannot create \(url.path)") }
      }
    }
    syncFolder(folder.path)
  }

  /// Writes every byte (retrying short writes) and fsyncs; false on any failure.
  static func writeAndSync(_ bytes: [UInt8], path: String) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return write(fd, base + done, bytes.count - done)
      }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      done += n
    }
    return fsync(fd) == 0
  }

  static func syncFolder(_ path: String) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }
}
