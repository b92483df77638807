import Foundation

/// What a page offers a visitor: the local links it holds and the forms it renders, with
/// the name and default value of every input, select and textarea (what a browser would send).
struct PageScan {
  struct Form {
    var method: String
    var action: String
    var multipart: Bool
    /// Name and value in document order (a checkbox group repeats its name).
    var fields: [(name: String, value: String)]
    /// What each field holds, where the page says: `date`, or `number` (type or inputmode).
    var kinds: [String: HostileValues.Kind] = [:]
    /// Hidden fields: state the page hands out (an attempt id), refreshed before each POST.
    var hidden: Set<String> = []
    /// The GET page that rendered the form, when a GET did.
    var source: String?
  }

  var links: [String] = []
  var forms: [Form] = []

  init(_ html: String) {
    var openForm: Form?
    var preview: String?
    for tag in Self.tags(html) {
      let name = tag.name
      let a = tag.attributes
      if name == "a" || name == "link", let href = a["href"], Self.isLocal(href) {
        links.append(href)
      }
      if name == "img" || name == "script", let src = a["src"], Self.isLocal(src) {
        links.append(src)
      }
      switch name {
      case "form":
        openForm = Form(
          method: (a["method"] ?? "get").uppercased(), action: a["action"] ?? "",
          multipart: a["enctype"] == "multipart/form-data", fields: [])
        preview = a["data-preview"]
      case "/form":
        if let f = openForm {
          forms.append(f)
          // The editor's script posts the same fields to its preview address.
          if let preview {
            var p = f
            p.action = preview
            forms.append(p)
          }
        }
        openForm = nil
      case "input":
        guard let n = a["name"], openForm != nil else { continue }
        let type = a["type"] ?? "text"
        if type == "file" || type == "submit" { continue }
        if type == "radio", openForm?.fields.contains(where: { $0.name == n }) == true { continue }
        openForm?.fields.append((n, a["value"] ?? Self.typical(type)))
        if type == "date" { openForm?.kinds[n] = .date }
        if type == "hidden", n != "csrf" { openForm?.hidden.insert(n) }
        if type == "number" || a["inputmode"] == "decimal" || a["inputmode"] == "numeric" {
          openForm?.kinds[n] = .number
        }
      case "select":
        guard let n = a["name"], openForm != nil else { continue }
        // The first option's value comes with the first <option> seen next.
        openForm?.fields.append((n, "\u{0}select"))
      case "option":
        if var f = openForm, let last = f.fields.last, last.value == "\u{0}select" {
          f.fields[f.fields.count - 1].value = a["value"] ?? ""
          openForm = f
        }
      case "textarea", "button":
        guard let n = a["name"], openForm != nil else { continue }
        openForm?.fields.append((n, a["value"] ?? "text"))
      default: break
      }
    }
  }

  static func typical(_ type: String) -> String {
    switch type {
    case "date": return "2026-06-01"
    case "number": return "1"
    case "email": return "a@example.org"
    default: return "Ada"
    }
  }

  static func isLocal(_ href: String) -> Bool {
    href.hasPrefix("/") && !href.hasPrefix("//")
  }

  /// Tags with their attributes, entities in values decoded. Not a full parser: enough for
  /// the app's own pages, which quote every attribute.
  static func tags(_ html: String) -> [(name: String, attributes: [String: String])] {
    var out: [(String, [String: String])] = []
    let b = Array(html.utf8)
    var i = 0
    while i < b.count {
      guard b[i] == UInt8(ascii: "<") else {
        i += 1
        continue
      }
      var j = i + 1
      while j < b.count, b[j] != UInt8(ascii: " "), b[j] != UInt8(ascii: ">"), b[j] != 10 {
        j += 1
      }
      let name = String(decoding: b[(i + 1)..<j], as: UTF8.self).lowercased()
      var attrs: [String: String] = [:]
      // name="value" pairs up to the closing >.
      while j < b.count, b[j] != UInt8(ascii: ">") {
        while j < b.count, b[j] == UInt8(ascii: " ") || b[j] == 10 { j += 1 }
        let ns = j
        while j < b.count, b[j] != UInt8(ascii: "="), b[j] != UInt8(ascii: " "),
          b[j] != UInt8(ascii: ">"), b[j] != 10
        {
          j += 1
        }
        let attr = String(decoding: b[ns..<j], as: UTF8.self).lowercased()
        if j < b.count, b[j] == UInt8(ascii: "="), j + 1 < b.count, b[j + 1] == UInt8(ascii: "\"") {
          let vs = j + 2
          var k = vs
          while k < b.count, b[k] != UInt8(ascii: "\"") { k += 1 }
          attrs[attr] = decodeEntities(String(decoding: b[vs..<min(k, b.count)], as: UTF8.self))
          j = k + 1
        } else if !attr.isEmpty {
          attrs[attr] = attrs[attr] ?? ""
          if j == ns { j += 1 }
        } else {
          j += 1
        }
      }
      out.append((name, attrs))
      i = j + 1
    }
    return out
  }

  static func decodeEntities(_ s: String) -> String {
    guard s.contains("&") else { return s }
    return s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
      of: "&#39;", with: "'"
    ).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}
