import Foundation
import GIFT
import Markdown

/// Loads a module's quizzes (`m.gift`, `m.pre.gift`, `m.refresher.gift` and their `.fr`
/// translations) and checks them: GIFT syntax, duplicate ids, ids missing in a translation,
/// banks smaller than what they draw.
struct QuizLoader {
  var module: String
  var root: CatalogLoader
  var moduleFront: FrontMatter
  /// Text to check in place of a file's (by name in `Assessments/`): the quiz editor's
  /// unsaved text, checked exactly as `relais check` would check it once saved.
  var overrides: [String: String] = [:]

  func load() -> ([QuizKind: Localized<Quiz>], QuizSettings, [ContentProblem], [UInt8]) {
    var problems: [ContentProblem] = []
    var bytes: [UInt8] = []
    var quizzes: [QuizKind: Localized<Quiz>] = [:]
    var settings = QuizSettings()
    var idOwner: [String: (QuizKind, Int)] = [:]
    for kind in QuizKind.allCases {
      for lang in root.languages {
        let name = "\(module)\(kind.fileInfix)\(lang.fileSuffix).gift"
        let url = root.assessments.appendingPathComponent(name)
        let data: Data
        if let text = overrides[name] {
          data = Data(text.utf8)
        } else if let d = FileManager.default.contents(atPath: url.path) {
          data = d
        } else {
          continue
        }
        bytes += ContentHash.of(data).utf8
        let path = root.relative(url)
        let result =
          overrides[name].map { GIFT.parse($0, path: path) }
          ?? root.cache.quiz(String(decoding: data, as: UTF8.self), path: path)
        if !result.errors.isEmpty {
          // A quiz with an error is not served; every error is reported.
          problems += result.errors.map {
            ContentProblem(path: $0.path, line: $0.line, column: $0.column, message: $0.message)
          }
          continue
        }
        var seen: Set<String> = []
        for q in result.questions {
          if !q.hasExplicitID {
            problems.append(
              ContentProblem(
                path: path, line: q.line,
                message: "question has no ::id:: title; answers and statistics need a stable id",
                severity: .warning))
          }
          if !seen.insert(q.id).inserted {
            problems.append(
              ContentProblem(path: path, line: q.line, message: "duplicate question id '\(q.id)'"))
          }
          if lang == .reference {
            if let (other, line) = idOwner[q.id], other != kind {
              problems.append(
                ContentProblem(
                  path: path, line: q.line,
                  message:
                    "question id '\(q.id)' is also used in the \(other.rawValue) quiz (line \(line))"
                ))
            }
            idOwner[q.id] = (kind, q.line)
          }
        }
        var quizSettings = result.settings
        if kind == .certifying {
          quizSettings = merged(result.settings)
          if lang == .reference { settings = quizSettings }
        }
        let graded = result.questions.filter { $0.moodleType != "description" }.count
        if let draw = quizSettings.draw, draw > graded {
          problems.append(
            ContentProblem(
              path: path, line: 1, message: "quiz draws \(draw) questions but has only \(graded)"))
        }
        let quiz = Quiz(
          kind: kind, language: lang, path: path, questions: result.questions,
          settings: quizSettings, hash: ContentHash.of(data))
        quizzes[kind, default: Localized()].values[lang] = quiz
      }
      if let loc = quizzes[kind] { problems += translationProblems(loc) + QuizLints.check(loc) }
    }
    if quizzes[.certifying]?.values[.reference] == nil {
      problems.append(
        ContentProblem(
          path: "Assessments/\(module).gift", line: 1,
          message: "module '\(module)' has no certifying quiz"))
    }
    return (quizzes, settings, problems, bytes)
  }

  /// The module's front matter overrides the GIFT header.
  private func merged(_ s: QuizSettings) -> QuizSettings {
    var out = s
    if let d = moduleFront.int("quiz_draw") { out.draw = d }
    if let b = moduleFront.bool("shuffle_answers") { out.shuffleAnswers = b }
    if let a = moduleFront.int("max_attempts") { out.maxAttempts = a }
    if let w = moduleFront.int("retry_wait_minutes") { out.waitMinutes = w }
    return out
  }

  private func translationProblems(_ quizzes: Localized<Quiz>) -> [ContentProblem] {
    guard let ref = quizzes.values[.reference] else { return [] }
    var out: [ContentProblem] = []
    let refIDs = Set(ref.questions.map(\.id))
    for lang in root.languages where lang != .reference {
      let expected = ref.path.replacingOccurrences(of: ".gift", with: "\(lang.fileSuffix).gift")
      guard let t = quizzes.values[lang] else {
        out.append(
          ContentProblem(
            path: ref.path, line: 1, message: "missing translation: \(expected)", severity: .warning
          ))
        continue
      }
      let ids = Set(t.questions.map(\.id))
      for id in refIDs.subtracting(ids).sorted() {
        let line = ref.question(id)?.line ?? 1
        out.append(
          ContentProblem(
            path: t.path, line: 1,
            message: "question '\(id)' (\(ref.path):\(line)) is missing in this translation",
            severity: .warning))
      }
      for id in ids.subtracting(refIDs).sorted() {
        out.append(
          ContentProblem(
            path: t.path, line: t.question(id)?.line ?? 1,
            message: "question '\(id)' is not in \(ref.path)"))
      }
      for q in t.questions {
        if let r = ref.question(q.id), r.moodleType != q.moodleType {
          out.append(
            ContentProblem(
              path: t.path, line: q.line,
              message:
                "question '\(q.id)' is \(q.moodleType) here but \(r.moodleType) in \(ref.path)"))
        }
      }
    }
    return out
  }
}
