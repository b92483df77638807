@testable import Markdown

/// Plain CommonMark rendering, for compact expectations.
func md(_ s: String) -> String { Markdown.html(s) }
func gfm(_ s: String) -> String { Markdown.html(s, gfm: true) }
func lessonHTML(_ s: String, _ options: LessonOptions = LessonOptions()) -> String {
  Markdown.lesson(s, options: options).html
}
