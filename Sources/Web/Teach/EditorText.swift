import Academy
import Crypto
import Foundation
import HTTPServer

/// What the editor does to text between the file and the browser, so an unchanged lesson
/// comes back byte for byte.
enum EditorText {
  /// The hash a form carries to detect a file changed on disk since it was opened.
  static func hash(_ bytes: [UInt8]) -> String { Hex.encode(SHA256.hash(bytes)) }

  /// An authored file's bytes, for an editor (404 when it is gone).
  static func read(_ url: URL) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw AcademyError.notFound
    }
    return [UInt8](data)
  }

  /// The editor page for a file (the lesson or the quiz editor's `page`, given the text and
  /// its hash), or 415 when the file is not UTF-8 text.
  static func open(_ url: URL, _ ctx: Context, page: (_ text: String, _ hash: String) -> HTML)
    throws -> HTTPResponse
  {
    let bytes = try read(url)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return .page(Layout.error(ctx, status: 415, messageKey: "teach.error.notUTF8"), status: 415)
    }
    return .page(page(text, hash(bytes)))
  }

  /// The file's line ending: CRLF when it has one and no bare LF, else LF.
  static func usesCRLF(_ bytes: [UInt8]) -> Bool {
    var crlf = false
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0x0A {
        if i > 0 && bytes[i - 1] == 0x0D { crlf = true } else { return false }
      }
      i += 1
    }
    return crlf
  }

  /// A textarea's value as sent by a browser (line breaks normalised to CRLF by the HTML
  /// form submission rules; a lone CR too) turned back into the file's line endings.
  static func fromBrowser(_ text: String, crlf: Bool) -> [UInt8] {
    var out: [UInt8] = []
    let b = Array(text.utf8)
    out.reserveCapacity(b.count)
    var i = 0
    while i < b.count {
      if b[i] == 0x0D {
        if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
        if crlf { out.append(0x0D) }
        out.append(0x0A)
      } else if b[i] == 0x0A {
        if crlf { out.append(0x0D) }
        out.append(0x0A)
      } else {
        out.append(b[i])
      }
      i += 1
    }
    return out
  }

  /// A `<textarea>` with the text. The newline after the start tag is required: the HTML
  /// parser drops one leading newline there, which would eat the file's own first newline.
  static func textarea(
    id: String, name: String, _ text: String, label: String, readonly: Bool = false
  ) -> HTML {
    let ro: HTML = readonly ? " readonly" : ""
    return
      "<textarea dir=\"auto\" id=\"\(id)\" name=\"\(name)\" spellcheck=\"true\" aria-label=\"\(label)\"\(ro)>\n\(text)</textarea>"
  }
}

extension EditorText {
  /// CRLF and a lone CR as LF: a browser's line breaks, read for meaning.
  static func lineFeeds(_ s: String) -> String {
    s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
  }
}
