import Testing

@testable import GIFT

@Test func jsonOfMultipleChoiceAndTrueFalse() {
  let r = GIFT.parse("::a:: Say \"hi\"\\nthere {=yes#ok ~no}\n\n::b:: Q {F####gf}")
  #expect(r.errors.isEmpty)
  #expect(
    GIFT.json(r.questions) == """
      [
      {"id":"a","type":"multichoice","text":"Say \\"hi\\"\\nthere","format":"moodle","single":true,\
      "answers":[{"text":"yes","fraction":1,"feedback":"ok"},{"text":"no","fraction":0,"feedback":""}],\
      "generalfeedback":"","line":1},
      {"id":"b","type":"truefalse","text":"Q","format":"moodle","correct":false,\
      "answers":[{"text":"true","fraction":0,"feedback":""},{"text":"false","fraction":1,"feedback":""}],\
      "generalfeedback":"gf","line":3}
      ]
      """)
}

@Test func jsonEscapesControlCharacters() {
  #expect(JSONWriter.string("a\u{1}b\tc\\") == #""a\u0001b\tc\\""#)
}
