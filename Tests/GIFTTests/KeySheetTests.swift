import Testing

@testable import GIFT

/// Issue 17: the key sheet puts a question, its keyed answer and that answer's feedback on
/// one line, where a key set the wrong way shows.
@Test func keySheetShowsEachKeyWithTheFeedbackItEarns() {
  let text = """
    ::tf::Aid can be bought\nfor a fee.{T#Wrong. It is free.#Correct. It is always free.}

    ::mc::Pick one{~a#No.\n=b#Right.}

    ::multi::Pick two{~%50%x#Yes.\n~%50%y#Yes.\n~%-100%z#No.}

    ::sa::Capital?{=Paris#Right.\n=%50%paris france#Almost.}

    ::num::Two plus two{#=4:0#Right.}

    ::m::Match{=a -> 1\n=b -> 2\n=c -> 3}

    ::d::Just a description.
    """
  let lines = GIFT.keySheet(GIFT.parse(text).questions)
  #expect(
    lines.map(\.plain) == [
      "1  tf [truefalse]  Aid can be bought for a fee.  =>  TRUE  # Correct. It is always free.",
      "4  mc [multichoice]  Pick one  =>  b  # Right.",
      "7  multi [multichoice]  Pick two  =>  x (50%)  # Yes.  |  y (50%)  # Yes.",
      "11  sa [shortanswer]  Capital?  =>  Paris  # Right.  |  paris france (50%)  # Almost.",
      "14  num [numerical]  Two plus two  =>  4  # Right.",
      "16  m [matching]  Match  =>  a → 1; b → 2; c → 3",
    ])
}
