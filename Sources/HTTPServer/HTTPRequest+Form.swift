/// One part of a `multipart/form-data` body.
public struct MultipartPart: Sendable {
  public var name: String
  /// Set for file inputs (may be empty when no file was chosen).
  public var filename: String?
  public var contentType: String?
  public var bytes: [UInt8]

  public var text: String { String(decoding: bytes, as: UTF8.self) }
}

extension HTTPRequest {
  /// The media type without parameters, lower-cased (`multipart/form-data`).
  public var mediaType: String {
    let raw = headers["Content-Type"] ?? ""
    let main = raw.split(separator: ";", maxSplits: 1).first.map(\.trimmingSpaces) ?? ""
    return HTTPSyntax.asciiLowercased(main)
  }

  /// Form fields in order: from an `application/x-www-form-urlencoded` body, or the parts of
  /// a `multipart/form-data` body that are not files. Empty for other bodies.
  public func formFields() -> [(String, String)] {
    switch mediaType {
    case "application/x-www-form-urlencoded":
      return FormDecoding.pairs(String(decoding: body, as: UTF8.self))
    case "multipart/form-data":
      return (multipartParts() ?? []).filter { $0.filename == nil }.map { ($0.name, $0.text) }
    default:
      return []
    }
  }

  /// The first value of a form field, or nil.
  public func formValue(_ name: String) -> String? {
    formFields().first { $0.0 == name }?.1
  }

  /// The parts of a `multipart/form-data` body (RFC 7578), or nil when the body is not one or
  /// is malformed.
  public func multipartParts() -> [MultipartPart]? {
    guard mediaType == "multipart/form-data",
      let boundary = Self.parameter("boundary", in: headers["Content-Type"] ?? ""),
      !boundary.isEmpty, boundary.utf8.count <= 70
    else { return nil }
    return Multipart.parse(body, boundary: Array(boundary.utf8))
  }

  /// A parameter of a header value like `form-data; name="a"; filename="b.txt"`.
  static func parameter(_ wanted: String, in value: String) -> String? {
    var rest = Substring(value)
    guard let semi = rest.firstIndex(of: ";") else { return nil }
    rest = rest[rest.index(after: semi)...]
    while !rest.isEmpty {
      rest = rest.drop { $0 == " " || $0 == "\t" || $0 == ";" }
      guard let eq = rest.firstIndex(of: "=") else { return nil }
      let name = HTTPSyntax.asciiLowercased(rest[..<eq].trimmingSpaces)
      rest = rest[rest.index(after: eq)...]
      var parsed = ""
      if rest.first == "\"" {
        rest = rest.dropFirst()
        var escaped = false
        var end = rest.endIndex
        for i in rest.indices {
          let c = rest[i]
          if escaped {
            parsed.append(c)
            escaped = false
          } else if c == "\\" {
            escaped = true
          } else if c == "\"" {
            end = i
            break
          } else {
            parsed.append(c)
          }
        }
        rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
        if let semi = rest.firstIndex(of: ";") { rest = rest[semi...] } else { rest = "" }
      } else {
        let end = rest.firstIndex(of: ";") ?? rest.endIndex
        parsed = rest[..<end].trimmingSpaces
        rest = rest[end...]
      }
      if name == wanted { return parsed }
    }
    return nil
  }
}

enum Multipart {
  static let maxParts = 1000

  static func parse(_ body: [UInt8], boundary: [UInt8]) -> [MultipartPart]? {
    let delimiter = Array("--".utf8) + boundary
    let bodyDelimiter = Array("\r\n--".utf8) + boundary
    guard var pos = find(delimiter, in: body, from: 0) else { return nil }
    pos += delimiter.count
    var parts: [MultipartPart] = []
    while true {
      // After a delimiter: `--` ends the body, CRLF starts a part.
      if pos + 2 <= body.count && body[pos] == 0x2D && body[pos + 1] == 0x2D { return parts }
      guard pos + 2 <= body.count, body[pos] == 0x0D, body[pos + 1] == 0x0A else { return nil }
      pos += 2
      guard let headerEnd = find(Array("\r\n\r\n".utf8), in: body, from: pos - 2) else {
        return nil
      }
      let headerText =
        headerEnd >= pos ? String(decoding: body[pos..<headerEnd], as: UTF8.self) : ""
      let contentStart = headerEnd + 4
      guard let contentEnd = find(bodyDelimiter, in: body, from: contentStart) else {
        return nil
      }
      guard contentEnd >= contentStart else { return nil }
      var name: String?
      var filename: String?
      var contentType: String?
      for line in headerText.split(separator: "\r\n") {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let field = HTTPSyntax.asciiLowercased(String(line[..<colon]))
        let value = line[line.index(after: colon)...].trimmingSpaces
        if field == "content-disposition" {
          name = HTTPRequest.parameter("name", in: value)
          filename = HTTPRequest.parameter("filename", in: value)
        } else if field == "content-type" {
          contentType = value
        }
      }
      guard let name else { return nil }
      parts.append(
        MultipartPart(
          name: name, filename: filename, contentType: contentType,
          bytes: Array(body[contentStart..<contentEnd])))
      if parts.count > maxParts { return nil }
      pos = contentEnd + bodyDelimiter.count
    }
  }

  /// The first index of `needle` in `haystack` at or after `from`.
  static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
    guard let first = needle.first, haystack.count >= needle.count else { return nil }
    var i = max(0, from)
    let last = haystack.count - needle.count
    while i <= last {
      if haystack[i] == first {
        var j = 1
        while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
        if j == needle.count { return i }
      }
      i += 1
    }
    return nil
  }
}
