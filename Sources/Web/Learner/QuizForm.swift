import Academy
import GIFT
import Markdown

/// A question as form controls that work on a phone without JavaScript: radio buttons,
/// checkboxes, text and number inputs, matching as select lists. And back: form → Response.
enum QuizForm {
  static func field(_ q: Question) -> String { "q.\(q.id)" }

  /// Question text: Markdown and HTML formats go through the lesson sanitizer; the others
  /// are plain text.
  static func text(_ s: String, format: Question.TextFormat) -> HTML {
    switch format {
    case .markdown, .html: return HTML(trusted: Markdown.lesson(s).html)
    case .moodle, .plain:
      let lines = s.split(separator: "\n", omittingEmptySubsequences: false).map {
        HTML(stringLiteral: "") + "\(String($0))"
      }
      return HTML(trusted: lines.map(\.text).joined(separator: "<br>"))
    }
  }

  static func inline(_ s: String, format: Question.TextFormat) -> HTML {
    switch format {
    case .markdown, .html:
      var h = Markdown.lesson(s).html
      if h.hasPrefix("<p>") && h.hasSuffix("</p>\n") { h = String(h.dropFirst(3).dropLast(5)) }
      return HTML(trusted: h)
    case .moodle, .plain: return "\(s)"
    }
  }

  static func question(_ q: Question, shown: ShownQuestion, number: Int, _ ctx: Context) -> HTML {
    let name = field(q)
    let legend: HTML = "<legend>\(ctx.t("quiz.questionN", String(number)))</legend>"
    var prompt = text(q.text, format: q.format)
    if !q.textAfter.isEmpty { prompt += " … " + text(q.textAfter, format: q.format) }
    let id = "q\(number)"
    switch q.kind {
    case .multipleChoice(let answers, let multiple):
      let type = multiple ? "checkbox" : "radio"
      let hint: HTML = multiple ? "<p class=\"hint\">\(ctx.t("quiz.chooseAll"))</p>" : .empty
      let options: [HTML] = shown.order.compactMap { i in
        guard answers.indices.contains(i) else { return nil }
        return
          "<label class=\"choice\"><input type=\"\(type)\" name=\"\(name)\" value=\"\(i)\"> <span>\(inline(answers[i].text, format: q.format))</span></label>"
      }
      return "<fieldset>\(legend)<div>\(prompt)</div>\(hint)\(options)</fieldset>"
    case .trueFalse:
      return """
        <fieldset>\(legend)<div>\(prompt)</div>
        <label class="choice"><input type="radio" name="\(name)" value="true"> <span>\(ctx.t("quiz.true"))</span></label>
        <label class="choice"><input type="radio" name="\(name)" value="false"> <span>\(ctx.t("quiz.false"))</span></label>
        </fieldset>
        """
    case .shortAnswer:
      return
        "<fieldset>\(legend)<label for=\"\(id)\">\(prompt)</label><input type=\"text\" id=\"\(id)\" name=\"\(name)\" autocomplete=\"off\"></fieldset>"
    case .numerical:
      return
        "<fieldset>\(legend)<label for=\"\(id)\">\(prompt)</label><input type=\"text\" inputmode=\"decimal\" id=\"\(id)\" name=\"\(name)\" autocomplete=\"off\"></fieldset>"
    case .matching(let pairs):
      let choices = Array(Set(pairs.map(\.match))).sorted()
      var rows: [HTML] = []
      for (i, pair) in pairs.enumerated() {
        let options: [HTML] = shown.order.compactMap { c in
          choices.indices.contains(c) ? "<option value=\"\(c)\">\(choices[c])</option>" : nil
        }
        rows.append(
          """
          <label for="\(id)-\(i)">\(inline(pair.text, format: q.format))</label>
          <select id="\(id)-\(i)" name="\(name).\(i)"><option value="">\(ctx.t("quiz.choose"))</option>\(options)</select>
          """)
      }
      return "<fieldset>\(legend)<div>\(prompt)</div>\(rows)</fieldset>"
    case .essay:
      return
        "<fieldset>\(legend)<label for=\"\(id)\">\(prompt)</label><textarea id=\"\(id)\" name=\"\(name)\" rows=\"6\"></textarea></fieldset>"
    case .description:
      return "<div class=\"card\">\(prompt)</div>"
    }
  }

  /// Reads the learner's answer to `q` from the submitted form.
  static func response(_ q: Question, shown: ShownQuestion, form: FormFields) -> Response {
    let name = field(q)
    switch q.kind {
    case .multipleChoice(let answers, let multiple):
      let picked = form.all(name).compactMap { Numbers.integer($0, in: 0...Int.max) }
        .filter { answers.indices.contains($0) }
      if multiple { return .choices(Set(picked)) }
      return picked.first.map(Response.choice) ?? .none
    case .trueFalse:
      switch form[name] {
      case "true": return .trueFalse(true)
      case "false": return .trueFalse(false)
      default: return .none
      }
    case .shortAnswer, .essay:
      let t = form[name] ?? ""
      return t.isEmpty ? .none : .text(String(t.prefix(10_000)))
    case .numerical:
      // Finite only: `nan` or `1e309` is no answer (JSON cannot store them).
      return Numbers.decimal(form[name]).map(Response.number) ?? .none
    case .matching(let pairs):
      let choices = Array(Set(pairs.map(\.match))).sorted()
      var m: [Int: String] = [:]
      for i in pairs.indices {
        if let c = Numbers.integer(form["\(name).\(i)"], in: 0...Int.max),
          choices.indices.contains(c)
        {
          m[i] = choices[c]
        }
      }
      return .matches(m)
    case .description:
      return .none
    }
  }
}
