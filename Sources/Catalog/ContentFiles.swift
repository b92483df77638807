import Foundation

/// One Markdown file of the curriculum as the loaders take it: its language (from the name)
/// and bytes, already counted in the content version.
struct ContentFile {
  var name: String
  var url: URL
  /// As messages name it: `Curriculum/…`.
  var path: String
  var language: Language
  var data: Data
  /// The name without language and `.md`: `02-x.fr.md` → `02-x`.
  var stem: String { ContentLink.lessonSlug(name) }
  var text: String { String(decoding: data, as: UTF8.self) }
}

extension CatalogLoader {
  /// The `.md` files of `folder`, by name: a file in a language the site doesn't offer, or
  /// one that can't be read, becomes a problem instead; each file read adds its hash to
  /// `version`.
  func markdownFiles(
    in folder: URL, problems: inout [ContentProblem], version: inout [UInt8]
  ) -> [ContentFile] {
    let fm = FileManager.default
    let names = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    var files: [ContentFile] = []
    for name in names where name.hasSuffix(".md") {
      let url = folder.appendingPathComponent(name)
      let path = relative(url)
      guard let language = language(ofFile: name) else {
        problems.append(unknownLanguage(url))
        continue
      }
      guard let data = fm.contents(atPath: url.path) else {
        problems.append(ContentProblem(path: path, line: 1, message: "cannot read file"))
        continue
      }
      version += ContentHash.of(data).utf8
      files.append(ContentFile(name: name, url: url, path: path, language: language, data: data))
    }
    return files
  }
}
