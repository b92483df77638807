import Catalog
import Foundation

/// `relais new module|lesson|translation`: content files from templates, the same ones the
/// `/teach` pages use.
enum NewCommand {
  static let help = """
    usage: relais new module SLUG "Title"        module.md, a first lesson, a starter quiz
           relais new lesson MODULE "Title"      the next numbered lesson (NN-title.md)
           relais new translation MODULE LESSON LANG
                                                 LESSON.LANG.md as a copy of the English
                                                 file, to translate (LESSON may be 'module')
    \(Options.sharedHelp)
    Refuses to overwrite an existing file. Prints the files created.
    """

  static func run(_ args: [String]) -> Int32 {
    if args.contains("--help") || args.contains("-h") || args.isEmpty {
      print(help)
      return args.isEmpty ? 2 : 0
    }
    let o: Options
    do { o = try Options.parse(args) } catch { return CLI.fail("new: \(error)") }
    let loader = CatalogLoader(
      curriculum: URL(fileURLWithPath: o.curriculum),
      assessments: URL(fileURLWithPath: o.assessments))
    let p = o.positional
    do {
      var created: [URL]
      switch (p.first, p.count) {
      case ("module", 3): created = try loader.newModule(slug: p[1], title: p[2])
      case ("lesson", 3): created = [try loader.newLesson(module: p[1], title: p[2])]
      case ("translation", 4):
        let known = loader.load().languages
        guard let lang = Language(rawValue: p[3]), known.contains(lang) else {
          return CLI.fail(
            "new translation: unknown language '\(p[3])' (known: \(known.map(\.rawValue).joined(separator: ", ")); add Curriculum/locales/\(p[3]).strings first)"
          )
        }
        created = [try loader.newTranslation(module: p[1], lesson: p[2], language: lang)]
      default:
        return CLI.fail(
          "new: expected module SLUG TITLE, lesson MODULE TITLE or translation MODULE LESSON LANG\n\(help)"
        )
      }
      for url in created { print("created \(url.path)") }
      return 0
    } catch let e as AuthoringError {
      return CLI.fail("new: \(e.description)", code: 1)
    } catch {
      return CLI.fail("new: \(error)", code: 1)
    }
  }
}
