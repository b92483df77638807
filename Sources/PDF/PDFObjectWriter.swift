/// Writes numbered objects and remembers where each one starts, for the cross-reference table.
struct PDFObjectWriter {
  private var output: [UInt8] = []
  private var offsets: [Int: Int] = [:]

  init(version: String = "1.4") {
    // The second line's high bytes tell transfer tools the file is binary (PDF 1.4 §3.4.1).
    output += Array("%PDF-\(version)\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
  }

  mutating func object(_ number: Int, _ body: String) {
    offsets[number] = output.count
    output += Array("\(number) 0 obj\n\(body)\nendobj\n".utf8)
  }

  /// A stream object; `entries` go into its dictionary after /Length.
  mutating func stream(_ number: Int, _ data: [UInt8], entries: String = "") {
    offsets[number] = output.count
    let extra = entries.isEmpty ? "" : " " + entries
    output += Array("\(number) 0 obj\n<< /Length \(data.count)\(extra) >>\nstream\n".utf8)
    output += data
    output += Array("\nendstream\nendobj\n".utf8)
  }

  /// Appends the xref table (entries of exactly 20 bytes), the trailer and `%%EOF`.
  mutating func finish(root: Int, info: Int) -> [UInt8] {
    let size = (offsets.keys.max() ?? 0) + 1
    let xrefOffset = output.count
    var table = "xref\n0 \(size)\n0000000000 65535 f \n"
    for number in 1..<size {
      if let offset = offsets[number] {
        table += padded(offset, 10) + " 00000 n \n"
      } else {
        table += "0000000000 65535 f \n"
      }
    }
    table += "trailer\n<< /Size \(size) /Root \(root) 0 R /Info \(info) 0 R >>\n"
    table += "startxref\n\(xrefOffset)\n%%EOF\n"
    output += Array(table.utf8)
    return output
  }

  private func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

/// Text strings outside content streams (document information): plain ASCII as a literal,
/// anything else as UTF-16BE with a byte-order mark, which every reader decodes.
enum PDFText {
  static func string(_ text: String) -> String {
    let printableASCII = text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
    if printableASCII {
      var escaped = ""
      for character in text {
        if character == "(" || character == ")" || character == "\\" { escaped.append("\\") }
        escaped.append(character)
      }
      return "(\(escaped))"
    }
    return unicodeHex(text)
  }

  /// Always UTF-16BE with a byte-order mark, as a hex string.
  static func unicodeHex(_ text: String) -> String {
    var hex = "<FEFF"
    let digits = Array("0123456789ABCDEF")
    for unit in text.utf16 {
      for shift in [12, 8, 4, 0] { hex.append(digits[Int(unit >> UInt16(shift)) & 0xF]) }
    }
    return hex + ">"
  }
}
